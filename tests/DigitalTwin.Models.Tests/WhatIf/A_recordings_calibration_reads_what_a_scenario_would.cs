using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Models.Tests.WhatIf;

/// <summary>
/// Offline, <c>dt eval whatif --recording</c> calibrates on what a live scenario would read: the last
/// <c>Scenarios:CalibrationWindow</c> of telemetry before the failure on the twins' one-minute grid. Calibrating on the
/// whole recording at the prediction's step judged a model the twin never runs (a recording with failures hours earlier
/// identified the room's heat capacity from them; a live scenario's three hours seldom hold one).
/// </summary>
public sealed class A_recordings_calibration_reads_what_a_scenario_would
{
    private static readonly DateTimeOffset FaultAt = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_window_before_the_failure_is_read_on_its_grid()
    {
        var layout = OneRackRoom.Layout();
        var readings = new List<TelemetryReading>();
        // Five hours of a quiet room, a reading every 20 s.
        for (var s = -5 * 3600; s < 0; s += 20)
        {
            OneRackRoom.Steady(readings, FaultAt.AddSeconds(s));
        }

        var all = WhatIfEvaluation.Compare(layout, readings, FaultAt, "crac-1", horizonS: 60, stepS: 10);
        var scenario = WhatIfEvaluation.Compare(layout, readings, FaultAt, "crac-1", horizonS: 60, stepS: 10,
            calibrationWindow: TimeSpan.FromHours(3), calibrationBin: TimeSpan.FromMinutes(1));

        Assert.InRange(all.HistoryS, 5 * 3600 - 1, 5 * 3600 + 1);
        Assert.InRange(scenario.HistoryS, 3 * 3600 - 20, 3 * 3600 + 1);
        // The rise is a median over every sample: 1800-odd on the 10 s grid of five hours, 180 on the minute grid of three.
        Assert.InRange(Samples(all), 1700, 1800);
        Assert.InRange(Samples(scenario), 170, 181);
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfEvaluation.Compare(layout, readings, FaultAt, "crac-1",
            calibrationWindow: TimeSpan.Zero));
    }

    private static int Samples(WhatIfComparison comparison)
    {
        var basis = Assert.Single(comparison.Calibration, s => s.Parameter == "rack.exhaust_rise").Basis;
        var match = System.Text.RegularExpressions.Regex.Match(basis, @"over (\d+) samples");
        Assert.True(match.Success, basis);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
