using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// The twin's prediction of a CRAC failure against what the simulator then did.
/// </summary>
/// <param name="RoomId">The room of the failed CRAC.</param>
/// <param name="CracId">The failed CRAC.</param>
/// <param name="PredictedS">Predicted seconds until the first rack reaches its limit; null when none does.</param>
/// <param name="ActualS">Seconds until the first rack really did; null when none did within the horizon.</param>
/// <param name="PredictedRack">The rack predicted to get there first.</param>
/// <param name="ActualRack">The rack that did.</param>
/// <param name="InletMaeC">Mean absolute error of every rack's inlet over the horizon, °C.</param>
/// <param name="Racks">Per rack: predicted and actual time to limit and peak.</param>
/// <param name="Calibration">Which parameters were calibrated and which defaulted.</param>
/// <param name="HistoryS">Seconds of telemetry the calibration had.</param>
public sealed record WhatIfComparison(
    string RoomId,
    string CracId,
    double? PredictedS,
    double? ActualS,
    string? PredictedRack,
    string? ActualRack,
    double InletMaeC,
    IReadOnlyList<RackComparison> Racks,
    IReadOnlyList<ParameterSource> Calibration,
    double HistoryS)
{
    /// <summary>(predicted − actual) / actual, %; 0 when neither crosses within the horizon, and
    /// <see cref="WhatIfScore.MissPct"/> when only one does (as the live evaluation counts it).</summary>
    public double? ErrorPct => (PredictedS, ActualS) switch
    {
        ({ } p, { } a) => a > 0 ? 100 * (p - a) / a : p > 0 ? WhatIfScore.MissPct : 0,
        (null, null) => 0,
        _ => WhatIfScore.MissPct,
    };

    /// <summary>The issue's line: <c>WHATIF predicted_s=&lt;x&gt; actual_s=&lt;y&gt; error_pct=&lt;z&gt; inlet_mae_c=&lt;m&gt;</c>.</summary>
    public string ToLine() => FormattableString.Invariant(
        $"WHATIF predicted_s={Format(PredictedS, "0")} actual_s={Format(ActualS, "0")} error_pct={Format(ErrorPct, "0.0")} inlet_mae_c={InletMaeC:0.00}");

    private static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "none";
}

/// <summary>One rack of a <see cref="WhatIfComparison"/>.</summary>
public sealed record RackComparison(string Id, double LimitC, double? PredictedS, double? ActualS, double PredictedPeakC, double ActualPeakC, double MaeC)
{
    /// <summary>The rack's predicted inlet at each step after the failure, °C.</summary>
    public IReadOnlyList<double> PredictedC { get; init; } = [];

    /// <summary>Its recorded hottest inlet at the same steps, °C (NaN where the recording has none).</summary>
    public IReadOnlyList<double> ActualC { get; init; } = [];
}
