using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Shadow_twins_never_write_storage(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_scenario_graph_works_in_memory_while_its_live_twin_checkpoints()
    {
        var t = TestTopology.New();
        var scenario = "whatif-" + t.Prefix;
        var document = t.Document(rooms: 1, racks: 1, servers: 2);
        var shadowTopology = Grains.GetGrain<ITopologyGrain>(scenario);
        Assert.True((await shadowTopology.ImportAsync(document)).Applied);
        Assert.True((await Grains.GetLiveTopology().ImportAsync(document)).Applied);
        var id = t.Server('a', 1, 1);
        var minute = DateTimeOffset.UtcNow.AddMinutes(-2);
        var batch = new TelemetryBatch(id, [new Reading("power_w", 555, minute)]);
        Assert.Equal(1, (await Grains.GetTelemetryTarget(new TwinKey(id, scenario), TwinKind.Server)!.IngestAsync(batch)).Applied);
        var liveWrites = cluster.Storage.WritesTo(TwinStorage.States.Asset, id);
        Assert.Equal(1, (await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!.IngestAsync(batch)).Applied);

        // The live twin checkpoints on its cadence; by then the shadow has had the same chances to write.
        await Eventually.Until(() => Task.FromResult(cluster.Storage.WritesTo(TwinStorage.States.Asset, id)),
            writes => writes > liveWrites, "the live twin to checkpoint");
        var shadowRack = await Eventually.Until(
            () => Grains.GetTwin(new TwinKey(t.Rack('a', 1), scenario), TwinKind.Rack).GetRollupAsync(),
            r => r.ItPowerW == 555, "the shadow rack's rollup");

        Assert.Equal(t.Rack('a', 1), shadowRack.TwinId);
        Assert.Equal(0, cluster.Storage.WritesWhere(key => key.Contains('~')));
        Assert.Equal(0, cluster.Storage.WritesWhere(key => key == scenario));
        var history = await Grains.GetTwin(new TwinKey(id, scenario), TwinKind.Server)
            .GetHistoryAsync("power_w", minute.AddMinutes(-1), minute.AddMinutes(1));
        Assert.Equal(555, Assert.Single(history).Max);
        var path = await Grains.GetTwin(new TwinKey(id, scenario), TwinKind.Server).GetPathAsync();
        Assert.Equal(t.DataCentre, path[0].Id);
    }

    [Fact]
    public async Task A_live_twin_can_seed_its_shadow_but_a_live_twin_cannot_be_seeded()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!
            .IngestAsync(new TelemetryBatch(id, [new Reading("power_w", 321, DateTimeOffset.UtcNow)]));
        var live = await Grains.GetTwin(id, TwinKind.Server).GetSnapshotAsync();
        var scenario = "fork-" + t.Prefix;
        var shadowKey = new TwinKey(id, scenario);

        await Grains.GetMember(shadowKey, TwinKind.Server).SeedAsync(live, TwinKind.Rack);
        var refused = await Record.ExceptionAsync(() => Grains.GetMember(new TwinKey(id), TwinKind.Server).SeedAsync(live, TwinKind.Rack));

        var shadow = await Grains.GetTwin(shadowKey, TwinKind.Server).GetSnapshotAsync();
        Assert.Equal(321, shadow.Latest["power_w"].Value);
        Assert.Equal(shadowKey, shadow.Key);
        Assert.Equal(t.Rack('a', 1), (await Grains.GetTwin(shadowKey, TwinKind.Server).GetParentAsync())!.Id);
        Assert.IsType<InvalidOperationException>(refused);
        Assert.Equal(0, cluster.Storage.WritesTo(TwinStorage.States.Asset, shadowKey.ToGrainKey()));
    }
}
