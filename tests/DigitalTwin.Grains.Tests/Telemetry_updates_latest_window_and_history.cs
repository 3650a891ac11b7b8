using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.History;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Telemetry_updates_latest_window_and_history(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Readings_update_latest_and_window_and_out_of_order_ones_only_history()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var target = Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var minute = Minute(DateTimeOffset.UtcNow) - TimeSpan.FromMinutes(3);

        var first = await target.IngestAsync(new TelemetryBatch(id,
        [
            new Reading("inlet_temp_c", 20, minute.AddSeconds(10)),
            new Reading("inlet_temp_c", 24, minute.AddSeconds(20)),
            new Reading("inlet_temp_c", 30, minute.AddSeconds(70)),
        ]));
        var late = await target.IngestAsync(new TelemetryBatch(id, [new Reading("inlet_temp_c", 10, minute.AddSeconds(5))]));

        Assert.Equal((3, 0), (first.Applied, first.Rejected.Count));
        Assert.Equal(1, late.Applied);
        var twin = Grains.GetTwin(id, TwinKind.Server);
        var latest = (await twin.GetSnapshotAsync()).Latest["inlet_temp_c"];
        Assert.Equal(30, latest.Value);
        Assert.Equal(minute.AddSeconds(70), latest.Timestamp);
        Assert.Equal([20.0, 24.0, 30.0], (await twin.GetRecentAsync("inlet_temp_c")).Points.Select(p => p.Value));

        var history = await twin.GetHistoryAsync("inlet_temp_c", minute, minute.AddMinutes(2));
        AssertBuckets(history, minute);

        // Once checkpointed, the closed buckets live in the day's history grain and still read the same.
        var day = HistoryKeys.For(new TwinKey(id), "inlet_temp_c", HistoryKeys.DayOf(minute));
        await Eventually.Until(() => Task.FromResult(cluster.Storage.Holds(TwinStorage.States.History, day)), held => held, "history to be flushed");
        AssertBuckets(await twin.GetHistoryAsync("inlet_temp_c", minute, minute.AddMinutes(2)), minute);
        Assert.Empty(await twin.GetHistoryAsync("inlet_temp_c", minute.AddMinutes(2), minute.AddMinutes(3)));
    }

    [Fact]
    public async Task Latest_values_and_history_survive_reactivation()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var minute = Minute(DateTimeOffset.UtcNow) - TimeSpan.FromMinutes(2);
        await Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!.IngestAsync(new TelemetryBatch(id,
            [new Reading("power_w", 410, minute.AddSeconds(1)), new Reading("power_w", 430, minute.AddSeconds(2))]));
        var twin = Grains.GetTwin(id, TwinKind.Server);
        var writesBefore = cluster.Storage.WritesTo(TwinStorage.States.Asset, id);
        await Eventually.Until(() => Task.FromResult(cluster.Storage.WritesTo(TwinStorage.States.Asset, id)),
            writes => writes > writesBefore, "the twin to checkpoint");

        await cluster.Cluster.DeactivateAsync(twin);

        var snapshot = await twin.GetSnapshotAsync();
        Assert.Equal(430, snapshot.Latest["power_w"].Value);
        var bucket = Assert.Single(await twin.GetHistoryAsync("power_w", minute, minute.AddMinutes(1)));
        Assert.Equal((410, 420, 430, 2), (bucket.Min, bucket.Mean, bucket.Max, bucket.Count));
    }

    [Fact]
    public async Task Bad_readings_are_refused_one_by_one_with_a_reason()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var target = Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var now = DateTimeOffset.UtcNow;

        var result = await target.IngestAsync(new TelemetryBatch(id,
        [
            new Reading("power_w", 400, now),
            new Reading("power_w", double.NaN, now),
            new Reading("inlet temp", 21, now),
            new Reading("inlet_temp_c", 21, now.AddHours(2)),
            new Reading("inlet_temp_c", 21, now.AddDays(-3)),
        ]));
        var misrouted = await target.IngestAsync(new TelemetryBatch("someone-else", [new Reading("power_w", 1, now)]));

        Assert.Equal(1, result.Applied);
        Assert.Equal(
            [RejectionReasons.NotFinite, RejectionReasons.BadMetricName, RejectionReasons.FutureTimestamp, RejectionReasons.StaleTimestamp],
            result.Rejected.Select(r => r.Reason));
        Assert.Equal(0, misrouted.Applied);
        Assert.Equal(RejectionReasons.UnknownTwin, Assert.Single(misrouted.Rejected).Reason);
        Assert.Equal(400, (await Grains.GetTwin(id, TwinKind.Server).GetSnapshotAsync()).Latest["power_w"].Value);
    }

    [Fact]
    public async Task A_twin_refuses_undeclared_metrics_beyond_their_bound_but_keeps_taking_known_and_declared_ones()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var target = Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var now = DateTimeOffset.UtcNow;
        var max = new TwinOptions().MaxUndeclaredMetricsPerTwin;

        var flood = await target.IngestAsync(new TelemetryBatch(id,
            Enumerable.Range(0, max + 6).Select(i => new Reading($"m{i:000}", i, now)).ToArray()));
        var known = await target.IngestAsync(new TelemetryBatch(id,
            [new Reading("m000", 5, now.AddSeconds(1)), new Reading(MetricNames.Power, 400, now.AddSeconds(1)), new Reading(MetricNames.FanSpeed, 9000, now.AddSeconds(1))]));

        Assert.Equal(max, flood.Applied);
        Assert.Equal(6, flood.Rejected.Count);
        Assert.All(flood.Rejected, r => Assert.Equal(RejectionReasons.TooManyMetrics, r.Reason));
        Assert.Equal(3, known.Applied);
        Assert.Empty(known.Rejected);
        Assert.Equal(max + 2, (await Grains.GetTwin(id, TwinKind.Server).GetSnapshotAsync()).Latest.Count);
    }

    private static void AssertBuckets(IReadOnlyList<Abstractions.Twins.HistoryBucket> history, DateTimeOffset minute)
    {
        Assert.Equal(2, history.Count);
        Assert.Equal((minute, 10.0, 18.0, 24.0, 3), (history[0].Start, history[0].Min, history[0].Mean, history[0].Max, history[0].Count));
        Assert.Equal((minute.AddMinutes(1), 30.0, 30.0, 30.0, 1), (history[1].Start, history[1].Min, history[1].Mean, history[1].Max, history[1].Count));
    }

    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
