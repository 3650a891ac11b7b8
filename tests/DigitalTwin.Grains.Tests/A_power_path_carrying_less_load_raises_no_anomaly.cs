using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class A_power_path_carrying_less_load_raises_no_anomaly(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_UPS_whose_load_falls_by_a_third_stays_quiet_while_one_whose_load_jumps_alerts()
    {
        // dt eval faults: at the simulated weekend the fleet's load fell by a third at once, and every PDU and UPS raised
        // an anomaly on power_w and load_pct. A path carrying less is in no danger; one suddenly carrying more may be.
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var rated = new Dictionary<string, double> { [RatedProperties.Capacity] = 100_000 };
        var (lighter, heavier) = ($"{t.Prefix}-ups-lighter", $"{t.Prefix}-ups-heavier");
        foreach (var ups in new[] { lighter, heavier })
        {
            Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(ups, TwinKind.Ups, t.Room('a'), Rated: rated))).Applied);
        }
        // A smooth daily swing with a little wander, as the sum of many servers' load is, read every 10 s.
        var start = DateTimeOffset.UtcNow.AddHours(-15);
        var random = new Random(23);
        var wander = 0.0;
        double Usual(int sample)
        {
            wander = 0.9 * wander + 0.002 * (random.NextDouble() - 0.5);
            return 40_000 * (1 + 0.05 * Math.Sin(2 * Math.PI * sample / 1440.0) + wander);
        }
        await Ingest(lighter, Enumerable.Range(0, 5000).Select(i => (start.AddSeconds(10 * i), Usual(i))));
        await Ingest(heavier, Enumerable.Range(0, 5000).Select(i => (start.AddSeconds(10 * i), Usual(i))));

        await Ingest(lighter, Enumerable.Range(5000, 30).Select(i => (start.AddSeconds(10 * i), 0.7 * Usual(i))));
        await Ingest(heavier, Enumerable.Range(5000, 30).Select(i => (start.AddSeconds(10 * i), 1.4 * Usual(i))));

        Assert.DoesNotContain(await Grains.GetTwin(lighter, TwinKind.Ups).GetAlertsAsync(includeResolved: true), a => a.AlertKind == AlertKind.Anomaly);
        Assert.Contains(await Grains.GetTwin(heavier, TwinKind.Ups).GetAlertsAsync(includeResolved: true),
            a => a.AlertKind == AlertKind.Anomaly && a.Metric == MetricNames.Power);
    }

    private async Task Ingest(string id, IEnumerable<(DateTimeOffset At, double Value)> series)
    {
        var target = Grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Ups)!;
        foreach (var chunk in series.Chunk(50))
        {
            var result = await target.IngestAsync(new TelemetryBatch(id, chunk.Select(p => new Reading(MetricNames.Power, p.Value, p.At)).ToArray()));
            Assert.Equal(chunk.Length, result.Applied);
        }
    }
}
