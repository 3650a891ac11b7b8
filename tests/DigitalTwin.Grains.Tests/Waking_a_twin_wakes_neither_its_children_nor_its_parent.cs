using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A large fleet holds only the twins in use: a parent keeps its children's last reports in its state, so reading a
/// rack that woke from storage gives its whole rollup without waking its servers, and a server that wakes with the
/// report it last sent does not wake its rack (one read used to wake a whole room through reports and requests).
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Waking_a_twin_wakes_neither_its_children_nor_its_parent(TwinClusterFixture cluster)
{
    [Fact]
    public async Task A_woken_rack_answers_from_its_childrens_stored_reports_and_a_woken_server_leaves_the_rack_asleep()
    {
        var t = TestTopology.New();
        var grains = cluster.Client;
        await grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 3));
        var servers = Enumerable.Range(1, 3).Select(s => t.Server('a', 1, s)).ToArray();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < servers.Length; i++)
        {
            await grains.GetTelemetryTarget(new TwinKey(servers[i]), TwinKind.Server)!
                .IngestAsync(new TelemetryBatch(servers[i], [new Reading(MetricNames.Power, 300 + i, now)]));
        }
        var rack = grains.GetTwin(t.Rack('a', 1), TwinKind.Rack);
        await Eventually.Until(() => rack.GetRollupAsync(), r => Math.Abs(r.ItPowerW - 903) < 1e-9, "the rack to sum its servers");
        // Every level has reported what it knows (a twin that wakes with news for its parent does wake it, rightly).
        await Eventually.Until(() => grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetRollupAsync(), r => Math.Abs(r.ItPowerW - 903) < 1e-9,
            "the data centre to sum its room");

        // Asleep: every twin of the topology deactivates (and checkpoints on the way out).
        await SleepAsync(t, servers);
        Assert.Empty(await ActiveAsync(t));

        var woken = await rack.GetRollupAsync();
        Assert.Equal(903, woken.ItPowerW, 9);
        Assert.Equal(3, woken.CountsByKind[TwinKind.Server]);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal([t.Rack('a', 1)], await ActiveAsync(t));

        await SleepAsync(t, servers);
        Assert.Equal(301, (await grains.GetTwin(servers[1], TwinKind.Server).GetSnapshotAsync()).Latest[MetricNames.Power].Value);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal([servers[1]], await ActiveAsync(t));
    }

    private async Task SleepAsync(TestTopology t, string[] servers)
    {
        foreach (var server in servers) await cluster.Cluster.DeactivateAsync(cluster.Client.GetTwin(server, TwinKind.Server));
        await cluster.Cluster.DeactivateAsync(cluster.Client.GetTwin(t.Crac('a'), TwinKind.Crac));
        await cluster.Cluster.DeactivateAsync(cluster.Client.GetTwin(t.Rack('a', 1), TwinKind.Rack));
        await cluster.Cluster.DeactivateAsync(cluster.Client.GetTwin(t.Room('a'), TwinKind.Room));
        await cluster.Cluster.DeactivateAsync(cluster.Client.GetTwin(t.DataCentre, TwinKind.DataCentre));
    }

    private Task<string[]> ActiveAsync(TestTopology t) => ActiveTwins.OfAsync(cluster, t);
}
