using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A twin of a declared kind (a machine based on the server kind, wearing in its vibration) is forecast towards its
/// critical limit and ranked for maintenance under its own name; the same readings on a plain server are not.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Declared_wear_signals_rank_a_machine_for_maintenance(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Rising_vibration_on_a_machine_predicts_its_failure_and_names_the_machine()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var rack = t.Rack('a', 1);
        var machine = $"{rack}-cnc";
        var server = t.Server('a', 1, 1);
        var limits = new Dictionary<string, MetricLimit> { ["vibration_mm_s"] = new(WarnAbove: 7.1, CriticalAbove: 11.2) };
        var spec = new TwinSpec(machine, TwinKind.Server, rack, Limits: limits, Type: "machine", Wear: [new WearSignalSpec("vibration_mm_s", Rising: true)]);
        Assert.True((await Grains.GetLiveTopology().AddAsync(spec)).Applied);
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var machineFeed = new DeviceFeed(Grains, machine, TwinKind.Server, start, TimeSpan.FromMinutes(5));
        var serverFeed = new DeviceFeed(Grains, server, TwinKind.Server, start, TimeSpan.FromMinutes(5));
        var random = new Random(5);
        for (var i = 0; i < 144; i++)
        {
            // A bearing going: 2.5 mm/s climbing about 0.4 mm/s an hour, with noise; 11.2 mm/s (ISO 10816 zone D) is failure.
            var vibration = 2.5 + i * 5 / 60.0 * 0.4 + (random.NextDouble() - 0.5) * 0.2;
            await machineFeed.Send(new Dictionary<string, double> { ["vibration_mm_s"] = vibration });
            await serverFeed.Send(new Dictionary<string, double> { ["vibration_mm_s"] = vibration });
        }

        var prediction = await Grains.GetGrain<IAssetGrain>(machine).GetPredictionAsync();

        Assert.NotNull(prediction);
        Assert.Equal("trend", prediction.Basis);
        Assert.Contains("machine", prediction.RecommendedAction, StringComparison.Ordinal);
        Assert.InRange(prediction.TimeToFailure!.Value.TotalHours, 8, 40);
        Assert.Null(await Grains.GetGrain<IAssetGrain>(server).GetPredictionAsync());
    }

    [Fact]
    public async Task A_query_by_the_declared_kind_finds_the_machine_and_names_its_kind()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 2));
        var rack = t.Rack('a', 1);
        var machine = $"{rack}-press";
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(machine, TwinKind.Server, rack, Type: "machine"))).Applied);
        var room = Grains.GetTwin(t.Room('a'), TwinKind.Room);

        var machines = await room.FindDescendantsAsync(new TwinQuery(Types: ["Machine"]));
        var servers = await room.FindDescendantsAsync(new TwinQuery(Kinds: [TwinKind.Server]));

        var found = Assert.Single(machines.Items);
        Assert.Equal(machine, found.Id);
        Assert.Equal("machine", found.Type);
        Assert.Equal(TwinKind.Server, found.Kind);
        // The base kind still finds it, beside the plain servers, each saying what it is.
        Assert.Equal(3, servers.Items.Count);
        Assert.Equal("machine", servers.Items.Single(i => i.Id == machine).Type);
        Assert.All(servers.Items.Where(i => i.Id != machine), i => Assert.Null(i.Type));
        Assert.Equal("machine", (await Grains.GetLiveTopology().GetViewAsync()).Entries.Single(e => e.Id == machine).Type);
    }
}
