using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains;
using DigitalTwin.Grains.Telemetry;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A twin moves its closed one-minute buckets to the history grains only once the oldest has waited the flush age,
/// and then all of them together, so each history grain (a whole day, read and written whole) is written a tenth as
/// often; until then the buckets stay in the twin's state and its reads.
/// </summary>
public sealed class Closed_history_waits_in_the_twin_until_the_flush_age
{
    [Fact]
    public void Buckets_move_together_once_the_oldest_closed_the_flush_age_ago()
    {
        var options = new TwinOptions { HistoryGrace = TimeSpan.FromSeconds(10), HistoryFlushAge = TimeSpan.FromMinutes(10) };
        var ledger = new TelemetryLedger(options);
        var state = new TwinState();
        var start = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        for (var minute = 0; minute < 12; minute++)
        {
            ledger.Apply(state, [new Reading(MetricNames.InletTemperature, 22 + minute * 0.1, start.AddMinutes(minute).AddSeconds(30))], start.AddMinutes(minute).AddSeconds(30));
        }

        // Minute 0 closed at 03:01:10: not yet ten minutes before 03:11:00, so nothing moves and every minute reads.
        Assert.False(ledger.HasClosedBefore(state, start.AddMinutes(11), options.HistoryFlushAge));
        Assert.Equal(12, TelemetryLedger.OpenHistory(state, MetricNames.InletTemperature).Count());
        // Ten minutes after minute 0 closed, the closed minutes (0 to 10) move together; minute 11 is still open.
        var now = start.AddMinutes(11).AddSeconds(10);
        Assert.True(ledger.HasClosedBefore(state, now, options.HistoryFlushAge));
        var moved = ledger.TakeClosed(state, now);
        Assert.Equal(Enumerable.Range(0, 11).Select(m => start.AddMinutes(m)), moved.Select(m => m.Bucket.Start));
        Assert.Equal(start.AddMinutes(11), Assert.Single(TelemetryLedger.OpenHistory(state, MetricNames.InletTemperature)).Start);
        Assert.False(ledger.HasClosedBefore(state, now, TimeSpan.Zero));
    }
}
