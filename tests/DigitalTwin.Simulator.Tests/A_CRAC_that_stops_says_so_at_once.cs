using System.Collections.Concurrent;
using System.Text.Json;
using DataCentreSimulator.Running;
using DataCentreSimulator.Telemetry;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Time;

namespace DigitalTwin.Simulator.Tests;

/// <summary>
/// A unit that stops raises its alarm at once, as a building management system's change-of-value reports do, rather
/// than at the next poll: a cooling loop waiting a telemetry interval loses the seconds in which the racks it fed breathe
/// their own exhaust (the simulator's racks pass 32 °C within 5–10 s of their unit stopping at economical settings).
/// </summary>
public class A_CRAC_that_stops_says_so_at_once
{
    private const double TimeScale = 500, IntervalS = 120, FailAtS = 305;

    [Fact]
    public async Task The_stopped_unit_is_published_within_a_step_of_stopping_beside_its_interval_reports()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var run = SimulatorRun.Create(new SimulatorSettings
        {
            Servers = 20, Rooms = 1, Seed = 3, IntervalS = IntervalS, TimeScale = TimeScale, Epoch = start, ClockAnchor = start, SettleS = 60,
            FaultAt = [$"{FailAtS}:crac_failure:crac-a1"], DurationS = 500,
        });
        var clock = new ScaledTimeProvider(start, TimeScale, start);
        var sink = new CollectingSink();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await run.RunLiveAsync(sink, new ConcurrentQueue<InboundMessage>(), clock, stop.Token);

        var reports = sink.CracReports("crac-a1").Where(r => r.Ts > start).ToList();
        var stopped = reports.First(r => r.PowerW == 0);
        Assert.InRange((stopped.Ts - start).TotalSeconds, FailAtS, FailAtS + 2);
        // Running, it reported on the interval only; the alarm is one message, then the interval resumes.
        Assert.All(reports.Where(r => r.PowerW > 0), r => Assert.Equal(0, (r.Ts - start).TotalSeconds % IntervalS, 6));
        Assert.Equal(1, reports.Count(r => (r.Ts - start).TotalSeconds % IntervalS != 0));
    }

    private sealed class CollectingSink : ITelemetrySink
    {
        private readonly List<byte[]> _batches = [];

        public IEnumerable<(DateTimeOffset Ts, double PowerW)> CracReports(string id)
        {
            foreach (var batch in _batches)
            {
                using var json = JsonDocument.Parse(batch);
                if (!json.RootElement.GetProperty("twins").TryGetProperty(id, out var twin)) continue;
                yield return (json.RootElement.GetProperty("ts").GetDateTimeOffset(), twin.GetProperty(MetricNames.Power).GetDouble());
            }
        }

        public Task PublishAsync(string topic, byte[] payload, DateTimeOffset ts, CancellationToken cancellationToken)
        {
            if (topic == TelemetryBatches.Topic) _batches.Add(payload);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
