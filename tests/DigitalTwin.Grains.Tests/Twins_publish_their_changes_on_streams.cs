using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Changes;
using DigitalTwin.Testing.Cluster;
using Orleans.Streams;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Twins_publish_their_changes_on_streams(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    private IStreamProvider Feeds => cluster.Client.GetStreamProvider(TwinChangeStreams.ProviderName);

    [Fact]
    public async Task A_twin_publishes_on_its_rollup_cadence_never_per_reading_and_only_when_something_changed()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        await using var feed = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.TwinStream(id));
        var server = Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var start = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        const int readings = 400;
        for (var i = 1; i <= readings; i++)
        {
            await server.IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.Power, i, start.AddMilliseconds(i))]));
        }
        var last = await feed.WaitForAsync(c => c.Metrics?.GetValueOrDefault(MetricNames.Power) == readings, "the last reading on the twin's stream");
        var ticks = clock.Elapsed / TimeSpan.FromMilliseconds(100);

        var rollups = feed.Items.Where(c => c.Change == TwinChangeKind.Rollup).ToList();
        Assert.Equal(TwinKind.Server, last.Kind);
        Assert.Equal(t.Rack('a', 1), last.ParentId);
        Assert.True(rollups.Count <= ticks + 2, $"{rollups.Count} rollup changes for {readings} readings over {ticks:0} ticks");
        Assert.True(rollups.Count < readings / 4, $"{rollups.Count} rollup changes for {readings} readings");

        // Nothing changes for ten ticks: nothing is published.
        var before = feed.Items.Count;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before, feed.Items.Count);
    }

    [Fact]
    public async Task A_room_and_its_data_centre_publish_their_descendants_changes_in_batches()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 2, racks: 2, servers: 2));
        await using var room = await StreamRecorder<TwinChangeBatch>.SubscribeAsync(Feeds.SubtreeStream(t.Room('a')));
        await using var dc = await StreamRecorder<TwinChangeBatch>.SubscribeAsync(Feeds.SubtreeStream(t.DataCentre));
        var id = t.Server('a', 2, 1);

        await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!
            .IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.Power, 777, DateTimeOffset.UtcNow)]));

        bool ServerChange(TwinChangeBatch b) => b.Changes.Any(c => c.TwinId == id && c.Metrics?.GetValueOrDefault(MetricNames.Power) == 777);
        var inRoom = await room.WaitForAsync(ServerChange, "the server's reading in its room's batch");
        await room.WaitForAsync(b => b.Changes.Any(c => c.TwinId == t.Rack('a', 2) && c.Rollup?.ItPowerW == 777), "the rack's rollup in its room's batch");
        await dc.WaitForAsync(ServerChange, "the server's reading in its data centre's batch");
        await dc.WaitForAsync(b => b.Changes.Any(c => c.TwinId == t.Room('a') && c.Rollup?.ItPowerW == 777), "the room's rollup in its data centre's batch");

        Assert.Equal(t.Room('a'), inRoom.SubtreeId);
        Assert.DoesNotContain(room.Items.SelectMany(b => b.Changes), c => c.TwinId.StartsWith($"{t.Prefix}-b-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_changes_and_command_outcomes_are_published_by_kind()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        await using var health = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.KindStream(TwinChangeKind.Health));
        await using var commands = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.KindStream(TwinChangeKind.Command));
        var id = t.Server('a', 1, 1);
        var server = Grains.GetGrain<IAssetGrain>(id);
        await server.IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.InletTemperature, 22, DateTimeOffset.UtcNow)]));
        await Eventually.Until(() => server.GetSnapshotAsync(), s => s.Health == HealthStatus.Ok, "the server to be Ok");

        await server.IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.InletTemperature, 33, DateTimeOffset.UtcNow)]));
        var critical = await health.WaitForAsync(c => c.TwinId == id && c.Health == HealthStatus.Critical, "the server's health change");
        await health.WaitForAsync(c => c.TwinId == t.Rack('a', 1) && c.Health == HealthStatus.Critical, "the rack's health change");
        var status = await server.SendCommandAsync("set_fan_speed", new Dictionary<string, double> { ["fan_pct"] = 80 });
        var command = await commands.WaitForAsync(c => c.TwinId == id, "the command's outcome");

        Assert.Equal(TwinChangeKind.Health, critical.Change);
        Assert.NotNull(critical.HealthReason);
        Assert.Equal(status.Command.CommandId, command.Command!.Command.CommandId);
        Assert.Equal(CommandState.Rejected, command.Command.State);
        Assert.DoesNotContain(health.Items, c => c.Change != TwinChangeKind.Health);
    }

    [Fact]
    public async Task Shadow_twins_never_publish_on_the_live_streams()
    {
        var t = TestTopology.New();
        var scenario = "feeds-" + t.Prefix;
        var document = t.Document(rooms: 1, racks: 1, servers: 1);
        Assert.True((await Grains.GetGrain<ITopologyGrain>(scenario).ImportAsync(document)).Applied);
        Assert.True((await Grains.GetLiveTopology().ImportAsync(document)).Applied);
        var id = t.Server('a', 1, 1);
        await using var twin = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.TwinStream(id));
        await using var room = await StreamRecorder<TwinChangeBatch>.SubscribeAsync(Feeds.SubtreeStream(t.Room('a')));
        await using var health = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.KindStream(TwinChangeKind.Health));

        // The shadow turns Critical (33 °C is past its 32 °C limit); the live twin never sees that reading.
        var shadow = Grains.GetTelemetryTarget(new TwinKey(id, scenario), TwinKind.Server)!;
        await shadow.IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.Power, 999, DateTimeOffset.UtcNow), new Reading(MetricNames.InletTemperature, 33, DateTimeOffset.UtcNow)]));
        await Eventually.Until(() => Grains.GetTwin(new TwinKey(t.Room('a'), scenario), TwinKind.Room).GetRollupAsync(),
            r => r.ItPowerW == 999 && r.WorstHealth == HealthStatus.Critical, "the shadow room's rollup");
        // The live twin, fed afterwards, is heard: the streams work, and the shadow's changes were never on them.
        await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!
            .IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.Power, 111, DateTimeOffset.UtcNow), new Reading(MetricNames.InletTemperature, 22, DateTimeOffset.UtcNow)]));
        await room.WaitForAsync(b => b.Changes.Any(c => c.Metrics?.GetValueOrDefault(MetricNames.Power) == 111), "the live reading in the room's batch");
        await twin.WaitForAsync(c => c.Metrics?.GetValueOrDefault(MetricNames.Power) == 111, "the live reading on the twin's stream");
        await health.WaitForAsync(c => c.TwinId == id && c.Health == HealthStatus.Ok, "the live twin turning Ok on the health feed");

        Assert.DoesNotContain(twin.Items, c => c.Metrics?.GetValueOrDefault(MetricNames.Power) == 999 || c.Health == HealthStatus.Critical);
        Assert.DoesNotContain(room.Items.SelectMany(b => b.Changes), c => c.Metrics?.GetValueOrDefault(MetricNames.Power) == 999 || c.Rollup?.ItPowerW == 999);
        Assert.DoesNotContain(health.Items, c => c.TwinId.StartsWith(t.Prefix, StringComparison.Ordinal) && c.Health == HealthStatus.Critical);
    }

    [Fact]
    public async Task A_scenario_publishes_its_progress_on_its_own_stream_and_the_scenario_feed()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 1));
        var scenarioId = "progress-" + t.Prefix;
        await using var run = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.ScenarioStream(scenarioId));
        await using var all = await StreamRecorder<TwinChange>.SubscribeAsync(Feeds.KindStream(TwinChangeKind.Scenario));
        var scenario = Grains.GetGrain<IScenarioGrain>(scenarioId);

        var outcome = await scenario.RunAsync(new ScenarioRequest(t.Room('a'), Fail: [t.Crac('a')], HorizonS: 600));
        Assert.True(outcome.Ran, string.Join("; ", outcome.Problems));
        await run.WaitForAsync(c => c.Detail!.StartsWith("answered:", StringComparison.Ordinal), "the answer on the scenario's stream");
        await scenario.EndAsync();
        await run.WaitForAsync(c => c.Detail!.StartsWith("ended:", StringComparison.Ordinal), "the end on the scenario's stream");
        await all.WaitForAsync(c => c.ScenarioId == scenarioId && c.Detail!.StartsWith("ended:", StringComparison.Ordinal), "the end on the scenario feed");

        Assert.Equal(["forking", "answered", "ended"], run.Items.Select(c => c.Detail![..c.Detail!.IndexOf(':')]));
        Assert.All(run.Items, c => Assert.Equal((t.Room('a'), TwinKind.Room, TwinChangeKind.Scenario, scenarioId), (c.TwinId, c.Kind, c.Change, c.ScenarioId)));
    }
}
