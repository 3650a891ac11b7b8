using System.Collections.Concurrent;
using System.Diagnostics;
using DataCentreSimulator.Running;
using DataCentreSimulator.Telemetry;
using DigitalTwin.Abstractions.Time;

namespace DigitalTwin.Simulator.Tests;

/// <summary>
/// On an accelerated clock a broker that acknowledges slowly (a loaded silo acknowledges a publish only once its twins
/// hold the readings) must not make the simulated devices fall behind the clock: a backlog of batches stamped ever
/// further in the past is what the twins then refuse as stale (<c>stale_timestamp</c>). Devices publish what they
/// measure now, as real ones do.
/// </summary>
public class A_slow_broker_delays_the_present_and_never_queues_the_past
{
    private const double TimeScale = 1000, IntervalS = 10;
    private static readonly TimeSpan AckTime = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task Batches_stay_within_one_acknowledgement_of_the_clock()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var run = SimulatorRun.Create(new SimulatorSettings
        {
            Servers = 20, Rooms = 1, Seed = 2, IntervalS = IntervalS, TimeScale = TimeScale, Epoch = start, ClockAnchor = start, SettleS = 60,
        });
        var clock = new ScaledTimeProvider(start, TimeScale, start);
        var broker = new SlowBroker(clock, AckTime);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        await run.RunLiveAsync(broker, new ConcurrentQueue<InboundMessage>(), clock, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);

        // Each acknowledgement costs AckTime × TimeScale = 40 simulated s, four intervals: a simulator that publishes
        // every interval in turn falls 30 s further behind with each batch (about 3,000 s after 4 real seconds).
        // One that publishes the present is behind by at most one acknowledgement, one interval and a wake-up (a second
        // allowed for it: a loaded machine schedules the loop late).
        Assert.True(broker.Published.Count >= 5, $"only {broker.Published.Count} batches published");
        var last = broker.Published[^1];
        var allowed = IntervalS + TimeScale * (broker.LongestAck.TotalSeconds + 1);
        Assert.True(last.BehindS <= allowed,
            $"the last batch was stamped {last.BehindS:0} simulated s behind the clock (allowed {allowed:0} s; longest acknowledgement {broker.LongestAck.TotalMilliseconds:0} ms)");
        // What is published is still in order and on the interval grid.
        Assert.All(broker.Published.Zip(broker.Published.Skip(1)), p => Assert.True(p.Second.Ts > p.First.Ts));
        Assert.All(broker.Published, p => Assert.Equal(0, (p.Ts - start).TotalSeconds % IntervalS, 6));
    }

    /// <summary>A broker that takes <paramref name="ackTime"/> (real) to acknowledge each publish.</summary>
    private sealed class SlowBroker(TimeProvider clock, TimeSpan ackTime) : ITelemetrySink
    {
        public List<(DateTimeOffset Ts, double BehindS)> Published { get; } = [];

        public TimeSpan LongestAck { get; private set; }

        public async Task PublishAsync(string topic, byte[] payload, DateTimeOffset ts, CancellationToken cancellationToken)
        {
            if (topic != TelemetryBatches.Topic) return;
            Published.Add((ts, (clock.GetUtcNow() - ts).TotalSeconds));
            var watch = Stopwatch.StartNew();
            await Task.Delay(ackTime, cancellationToken);
            if (watch.Elapsed > LongestAck) LongestAck = watch.Elapsed;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
