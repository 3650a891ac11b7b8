using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Models.Tests.WhatIf;

/// <summary>
/// Offline, <c>dt eval whatif --recording</c> reads when a rack really crossed its limit from the recorded telemetry.
/// Readings every 20 s on the 10 s grid leave every other bin empty; carrying a reading into the next bin and reading
/// the crossing across that held step put it up to a whole interval late, which in a failure whose first rack crosses
/// within a minute is a third of the answer.
/// </summary>
public sealed class A_recordings_crossing_is_read_between_its_readings
{
    private static readonly DateTimeOffset FaultAt = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Readings_every_twenty_seconds_cross_where_the_line_between_them_does()
    {
        var layout = OneRackRoom.Layout();
        var readings = new List<TelemetryReading>();
        // Half an hour of a quiet room before the failure, then the rack's inlet at 0, 20, 40 and 60 s after it:
        // 28 → 30 → 34 → 35 °C, so the line between the readings crosses 32 °C at 30 s.
        for (var s = -1800; s < 0; s += 20)
        {
            OneRackRoom.Steady(readings, FaultAt.AddSeconds(s));
        }
        foreach (var (s, inlet) in new[] { (0, 28.0), (20, 30.0), (40, 34.0), (60, 35.0) })
        {
            var at = FaultAt.AddSeconds(s);
            readings.Add(new(at, "srv-1", "inlet_temp_c", inlet));
            readings.Add(new(at, "srv-1", "outlet_temp_c", inlet + 12));
            readings.Add(new(at, "srv-1", "power_w", 3000));
        }

        var comparison = WhatIfEvaluation.Compare(layout, readings, FaultAt, "crac-1", horizonS: 60, stepS: 10);

        var rack = Assert.Single(comparison.Racks);
        Assert.NotNull(rack.ActualS);
        Assert.Equal(30, rack.ActualS!.Value, 0.5);
        Assert.Equal(30, comparison.ActualS!.Value, 0.5);
    }
}
