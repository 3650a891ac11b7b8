namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// What a cooling recommendation must respect.
/// </summary>
/// <param name="InletLimitC">Highest inlet any rack may reach, °C (default 27, ASHRAE's recommended top).</param>
/// <param name="SafetyMarginK">Kept below the limit on top, K: the model's own error and the sensors'.</param>
/// <param name="MaxSetpointStepK">Largest setpoint change per unit in one recommendation, K (rate of change).</param>
/// <param name="MaxFanStepPct">Largest fan-speed change per unit in one recommendation, percentage points.</param>
/// <param name="RackLimitsC">Per rack id, a limit of its own when lower or higher than <paramref name="InletLimitC"/>.</param>
/// <param name="MinColdAirShare">Least cold air every rack must get over the air its servers draw (its supply share);
/// 0: no such floor. Above 1 keeps the room out of planned recirculation, where a room model calibrated at ample
/// airflow knows least: how much hotter the top of a starved rack breathes depends on details it has not seen.</param>
/// <param name="FailureLimitC">The critical inlet limit N+1 is judged against, °C; 0: N+1 not judged. For every running
/// CRAC whose loss the room survives at the present settings (with the loop's <paramref name="Response"/>), no rack may
/// reach it after that loss from the recommended settings either; for a loss the room does not survive even today, no
/// rack may reach it sooner than today, less <see cref="FailureResponse.TimeToLimitToleranceS"/>. Air aisles heat within
/// seconds of a unit stopping, so what counts is the time between the loss and the others' response.</param>
/// <param name="Response">How the loop answers the loss of a unit (null: <see cref="FailureResponse"/>'s defaults).</param>
/// <param name="FailureColdAirShare">When N+1 is judged: after the loss of any one CRAC from the recommended settings,
/// before anything responds, no rack may get less cold air for what its servers draw than it would after that loss at
/// the present settings, up to this multiple of its draw (0: no such floor). It keeps N+1 without trusting the model's
/// absolute air distribution after a loss, which a steady history cannot show: relative to today the model's errors
/// on where a lost unit's air came from largely cancel; above the cap a rack has air to spare for that error.</param>
/// <param name="FailureMarginK">How far below <paramref name="FailureLimitC"/> every rack's predicted course after a
/// survivable loss must stay, K: the model's own error on a starved rack. Whether a loss is survived today is judged
/// against the limit itself.</param>
public sealed record CoolingConstraints(
    double InletLimitC = 27,
    double SafetyMarginK = 1,
    double MaxSetpointStepK = 3,
    double MaxFanStepPct = 30,
    IReadOnlyDictionary<string, double>? RackLimitsC = null,
    double MinColdAirShare = 0,
    double FailureLimitC = 0,
    FailureResponse? Response = null,
    double FailureColdAirShare = 0,
    double FailureMarginK = 0)
{
    /// <summary>The limit of one rack before the margin, °C.</summary>
    public double LimitFor(string rackId) => RackLimitsC is not null && RackLimitsC.TryGetValue(rackId, out var own) ? own : InletLimitC;
}
