using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// An import writes the first state of every twin it creates straight to storage instead of activating each twin to
/// provision it: the twins wake on first use with their definition, children and their children's first reports, so
/// a woken rack has its whole rollup without waking its servers, and nothing wakes its parent. Twins whose row exists
/// (a removed twin that comes back) are provisioned through their grain as before.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Imported_twins_are_stored_not_activated(TwinClusterFixture cluster)
{
    [Fact]
    public async Task A_fresh_import_leaves_its_twins_asleep_and_each_wakes_alone_with_its_rollup()
    {
        var t = TestTopology.New();
        var grains = cluster.Client;
        var result = await grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 3, components: true));
        Assert.True(result.Applied, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.True(cluster.Storage.Holds("component", t.Cpu('a', 2, 3)));
        Assert.Empty(await ActiveAsync(t));

        // A rack wakes alone with its servers' first reports: three servers, their nameplates' budget, nothing active below.
        var rack = grains.GetTwin(t.Rack('a', 1), TwinKind.Rack);
        var rollup = await rack.GetRollupAsync();
        Assert.Equal(3, rollup.CountsByKind[TwinKind.Server]);
        Assert.Equal(3, rollup.CountsByKind[TwinKind.Cpu]);
        Assert.Equal(HealthStatus.Unknown, rollup.WorstHealth);
        Assert.Equal([t.Server('a', 1, 1), t.Server('a', 1, 2), t.Server('a', 1, 3)],
            (await rack.GetChildrenAsync()).Select(c => c.Id).Order(StringComparer.Ordinal));
        var dc = await grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetRollupAsync();
        Assert.Equal(6, dc.CountsByKind[TwinKind.Server]);
        Assert.Equal(50_000, dc.CoolingCapacityW);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([t.Rack('a', 1), t.DataCentre], await ActiveAsync(t));

        // A stored twin takes readings and its rack and data centre sum them, as a provisioned one does.
        var server = t.Server('a', 2, 1);
        var ingest = await grains.GetTelemetryTarget(new TwinKey(server), TwinKind.Server)!
            .IngestAsync(new TelemetryBatch(server, [new Reading(MetricNames.Power, 412, DateTimeOffset.UtcNow)]));
        Assert.Equal(1, ingest.Applied);
        await Eventually.Until(() => grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetRollupAsync(), r => Math.Abs(r.ItPowerW - 412) < 1e-9,
            "the data centre to sum the server's power");
    }

    [Fact]
    public async Task A_removed_twin_imported_again_comes_back_through_its_grain()
    {
        var t = TestTopology.New();
        var topology = cluster.Client.GetLiveTopology();
        var document = t.Document(rooms: 1, racks: 1, servers: 2);
        Assert.True((await topology.ImportAsync(document)).Applied);
        var removed = await topology.RemoveAsync(t.Rack('a', 1), recursive: true);
        Assert.True(removed.Applied, string.Join("; ", removed.Errors));

        var again = await topology.ImportAsync(document);
        Assert.True(again.Applied, string.Join("; ", again.Errors));
        Assert.Empty(again.Errors);
        Assert.Equal(3, again.Created);
        var snapshot = await cluster.Client.GetTwin(t.Server('a', 1, 2), TwinKind.Server).GetSnapshotAsync();
        Assert.Equal(t.Rack('a', 1), snapshot.Spec.ParentId);
        Assert.Equal([t.Server('a', 1, 1), t.Server('a', 1, 2)],
            (await cluster.Client.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id).Order(StringComparer.Ordinal));
        await Eventually.Until(() => cluster.Client.GetTwin(t.Room('a'), TwinKind.Room).GetRollupAsync(),
            r => r.CountsByKind.GetValueOrDefault(TwinKind.Server) == 2, "the room to count the servers that came back");
    }

    private Task<string[]> ActiveAsync(TestTopology t) => ActiveTwins.OfAsync(cluster, t);
}
