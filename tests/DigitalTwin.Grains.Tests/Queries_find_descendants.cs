using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Queries_find_descendants(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Servers_of_a_room_above_an_inlet_temperature_are_found_by_kind_and_predicate()
    {
        var t = await HotTopologyAsync();
        var query = new TwinQuery(Kinds: [TwinKind.Server], Metric: new MetricPredicate("inlet_temp_c", Comparison.GreaterThan, 27));

        var page = await Grains.GetTwin(t.Room('a'), TwinKind.Room).FindDescendantsAsync(query);

        Assert.Equal([t.Server('a', 1, 2), t.Server('a', 2, 3)], page.Items.Select(i => i.Id));
        Assert.All(page.Items, i => Assert.True(i.Metrics["inlet_temp_c"] > 27));
        Assert.Null(page.ContinuationToken);
        Assert.Empty(page.Incomplete);
    }

    [Fact]
    public async Task Pages_follow_each_other_in_id_order_until_the_last()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 2, racks: 2, servers: 3, components: true));
        var dc = Grains.GetTwin(t.DataCentre, TwinKind.DataCentre);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await dc.FindDescendantsAsync(new TwinQuery(Kinds: [TwinKind.Server, TwinKind.Cpu], PageSize: 5, After: after));
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items.Select(i => i.Id));
            after = page.ContinuationToken;
            pages++;
        }
        while (after is not null);

        var expected = t.Document(rooms: 2, racks: 2, servers: 3, components: true).Twins
            .Where(s => s.Kind is TwinKind.Server or TwinKind.Cpu).Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Length + 4) / 5, pages);
    }

    [Fact]
    public async Task Tag_and_minimum_health_filter_the_whole_subtree()
    {
        var t = await HotTopologyAsync();
        var dc = Grains.GetTwin(t.DataCentre, TwinKind.DataCentre);

        var gpu = await dc.FindDescendantsAsync(new TwinQuery(Tag: "GPU"));
        var unwell = await dc.FindDescendantsAsync(new TwinQuery(Kinds: [TwinKind.Server], MinHealth: HealthStatus.Warning));
        var everything = await dc.FindDescendantsAsync(new TwinQuery(PageSize: 5000));

        Assert.Equal(
            [t.Server('a', 1, 1), t.Server('a', 1, 3), t.Server('a', 2, 1), t.Server('a', 2, 3)],
            gpu.Items.Select(i => i.Id));
        Assert.Equal([(t.Server('a', 1, 2), HealthStatus.Warning), (t.Server('a', 2, 3), HealthStatus.Critical)],
            unwell.Items.Select(i => (i.Id, i.Health)));
        Assert.Equal(t.Document(rooms: 1, racks: 2, servers: 3).Twins.Count - 1, everything.Items.Count);
        Assert.DoesNotContain(everything.Items, i => i.Id == t.DataCentre);
    }

    [Fact]
    public async Task Subtrees_that_do_not_answer_in_time_are_named_as_incomplete()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 2, racks: 1, servers: 1));

        var page = await Grains.GetTwin(t.DataCentre, TwinKind.DataCentre)
            .FindDescendantsAsync(new TwinQuery(Timeout: TimeSpan.FromTicks(1)));

        Assert.NotEmpty(page.Incomplete);
        Assert.All(page.Incomplete, id => Assert.Contains(id, new[] { t.Room('a'), t.Room('b') }));
        Assert.DoesNotContain(page.Items, i => page.Incomplete.Contains(i.Id));
    }

    /// <summary>Room a with two racks of three servers; a-r1-s2 runs warm (28 °C), a-r2-s3 hot (33 °C), the rest at 22 °C.</summary>
    private async Task<TestTopology> HotTopologyAsync()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 3));
        var now = DateTimeOffset.UtcNow;
        for (var rack = 1; rack <= 2; rack++)
        {
            for (var s = 1; s <= 3; s++)
            {
                var id = t.Server('a', rack, s);
                var inlet = id == t.Server('a', 1, 2) ? 28 : id == t.Server('a', 2, 3) ? 33 : 22;
                await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!
                    .IngestAsync(new TelemetryBatch(id, [new Reading("inlet_temp_c", inlet, now)]));
            }
        }
        return t;
    }
}
