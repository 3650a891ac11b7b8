using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Alerts_and_predictions(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task An_anomaly_raises_an_alert_that_names_deviating_neighbours_rolls_up_and_resolves()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 3));
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var first = t.Server('a', 1, 1);
        var second = t.Server('a', 1, 2);
        foreach (var id in new[] { first, second, t.Server('a', 1, 3) })
        {
            await Ingest(id, Enumerable.Range(0, 600).Select(i => (start.AddMinutes(i), Normal(i))));
        }

        await Ingest(first, Enumerable.Range(600, 5).Select(i => (start.AddMinutes(i), 26.5)));
        var alert = Assert.Single(await Grains.GetTwin(first, TwinKind.Server).GetAlertsAsync());
        Assert.Equal(("inlet_temp_c", AlertState.Raised), (alert.Metric, alert.State));
        Assert.Contains("No other twin in rack", alert.Explanation);
        Assert.True(alert.Value > 26 && alert.Baseline < 24, $"{alert.Value} against {alert.Baseline}");
        await Eventually.Until(() => Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetRollupAsync(), r => r.OpenAlerts == 1, "the rack to count the alert");

        await Ingest(second, Enumerable.Range(600, 5).Select(i => (start.AddMinutes(i), 26.5)));
        var neighbour = Assert.Single(await Grains.GetTwin(second, TwinKind.Server).GetAlertsAsync());
        Assert.Contains("1 of 2 other twins in rack", neighbour.Explanation);
        var fleet = await Eventually.Until(() => Grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetAlertsAsync(),
            alerts => alerts.Count == 2, "the data centre to list both alerts");
        Assert.Equal([first, second], fleet.Select(a => a.TwinId).Order(StringComparer.Ordinal));
        Assert.Equal(HealthStatus.Warning, (await Grains.GetTwin(first, TwinKind.Server).GetSnapshotAsync()).Health);

        Assert.True(await Grains.GetTwin(first, TwinKind.Server).AcknowledgeAlertAsync(alert.AlertId, "operator"));
        await Ingest(first, Enumerable.Range(605, 40).Select(i => (start.AddMinutes(i), Normal(i))));
        var all = await Grains.GetTwin(first, TwinKind.Server).GetAlertsAsync(includeResolved: true);
        var resolved = Assert.Single(all);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal("operator", resolved.AcknowledgedBy);
        Assert.Empty(await Grains.GetTwin(first, TwinKind.Server).GetAlertsAsync());

        // Alerts are part of the state: they survive reactivation.
        await cluster.Cluster.DeactivateAsync(Grains.GetTwin(second, TwinKind.Server));
        Assert.Equal(neighbour.AlertId, Assert.Single(await Grains.GetTwin(second, TwinKind.Server).GetAlertsAsync()).AlertId);
    }

    [Fact]
    public async Task A_fan_slowing_towards_its_limit_is_predicted_to_fail_and_ranks_first_in_the_fleet()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 2));
        var limit = new Dictionary<string, MetricLimit> { ["fan_rpm"] = new(WarnBelow: 3000, CriticalBelow: 2000) };
        var worn = $"{t.Server('a', 1, 1)}-fan";
        var healthy = $"{t.Server('a', 1, 2)}-fan";
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(worn, TwinKind.Fan, t.Server('a', 1, 1), Limits: limit))).Applied);
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(healthy, TwinKind.Fan, t.Server('a', 1, 2), Limits: limit))).Applied);
        var start = DateTimeOffset.UtcNow.AddHours(-20);
        var random = new Random(7);
        await Ingest(worn, Enumerable.Range(0, 120).Select(i => (start.AddMinutes(10 * i), 6000 - 2000 * i / 120.0 + random.NextDouble() * 20)), "fan_rpm", TwinKind.Fan);
        await Ingest(healthy, Enumerable.Range(0, 120).Select(i => (start.AddMinutes(10 * i), 6000 + random.NextDouble() * 20)), "fan_rpm", TwinKind.Fan);

        var prediction = await Grains.GetGrain<IComponentGrain>(worn).GetPredictionAsync();
        var calm = await Grains.GetGrain<IComponentGrain>(healthy).GetPredictionAsync();
        var server = await Grains.GetGrain<IAssetGrain>(t.Server('a', 1, 1)).GetPredictionAsync();
        var ranking = await Grains.GetGrain<IDataCentreGrain>(t.DataCentre).GetPredictionsAsync(top: 10);

        Assert.NotNull(prediction);
        Assert.NotNull(calm);
        Assert.True(prediction.FailureProbability > 0.5, $"P = {prediction.FailureProbability}");
        Assert.InRange(prediction.TimeToFailure!.Value.TotalHours, 5, 60);
        Assert.NotEqual("No action", prediction.RecommendedAction);
        Assert.NotEmpty(prediction.Evidence);
        Assert.True(calm.FailureProbability < prediction.FailureProbability);
        Assert.True(calm.FailureProbability < 0.1, $"P(calm) = {calm.FailureProbability}");
        Assert.Equal(prediction.FailureProbability, server!.FailureProbability);
        Assert.Equal(t.Server('a', 1, 1), server.TwinId);
        Assert.Contains(ranking.Take(2), p => p.TwinId == worn);
        Assert.Equal(ranking.OrderByDescending(p => p.FailureProbability).Select(p => p.FailureProbability), ranking.Select(p => p.FailureProbability));
        Assert.Contains(ranking, p => p.TwinId == healthy);
    }

    [Fact]
    public async Task A_steep_dip_over_a_few_minutes_is_not_extrapolated_into_a_failure()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var fan = $"{t.Server('a', 1, 1)}-fan";
        var limit = new Dictionary<string, MetricLimit> { ["fan_rpm"] = new(WarnBelow: 3000, CriticalBelow: 2000) };
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(fan, TwinKind.Fan, t.Server('a', 1, 1), Limits: limit))).Applied);
        var start = DateTimeOffset.UtcNow.AddMinutes(-11);
        var random = new Random(11);

        // Ten minutes of a load swing: 6,000 down to 5,500 rpm, a trend that would cross 2,000 rpm in about 70 minutes.
        await Ingest(fan, Enumerable.Range(0, 60).Select(i => (start.AddSeconds(10 * i), 6000 - 500 * i / 60.0 + random.NextDouble() * 5)), "fan_rpm", TwinKind.Fan);
        var prediction = await Grains.GetGrain<IComponentGrain>(fan).GetPredictionAsync();

        Assert.NotNull(prediction);
        Assert.Equal(0, prediction.FailureProbability);
        Assert.Null(prediction.TimeToFailure);
        Assert.Contains(prediction.Evidence, e => e.Contains("not enough history", StringComparison.Ordinal));
    }

    private static double Normal(int minute) => 22 + Math.Sin(minute / 10.0);

    private async Task Ingest(string id, IEnumerable<(DateTimeOffset At, double Value)> series, string metric = "inlet_temp_c", TwinKind kind = TwinKind.Server)
    {
        var target = Grains.GetTelemetryTarget(new TwinKey(id), kind)!;
        foreach (var chunk in series.Chunk(50))
        {
            var result = await target.IngestAsync(new TelemetryBatch(id, chunk.Select(p => new Reading(metric, p.Value, p.At)).ToArray()));
            Assert.Equal(chunk.Length, result.Applied);
        }
    }
}
