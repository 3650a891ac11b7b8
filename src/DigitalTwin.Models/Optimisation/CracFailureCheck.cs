namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// What one CRAC failing after a recommendation would do: the steady state of the others, and (when N+1 is judged) the
/// course of the room over time as the loop responds.
/// </summary>
/// <param name="FailedCracId">The CRAC that fails.</param>
/// <param name="HottestRackId">The rack that would be hottest.</param>
/// <param name="HighestInletC">Its inlet with the others left at the recommended settings, °C.</param>
/// <param name="WithinLimit">True when every rack stays within its limit (no margin) at the recommended settings.</param>
/// <param name="HighestInletAfterResponseC">The hottest inlet once the others respond (lowest setpoint, full fan), °C.</param>
/// <param name="WithinLimitAfterResponse">True when that response keeps every rack within its limit.</param>
/// <param name="TransientPeakC">When N+1 is judged: the highest inlet any rack reaches over time after the loss, with the
/// loop's response after its detection time (<see cref="FailureResponse"/>), °C; else null.</param>
/// <param name="TransientPeakRackId">The rack that reaches it.</param>
/// <param name="TimeToCriticalS">Seconds from the loss until a rack reaches the critical limit
/// (<see cref="CoolingConstraints.FailureLimitC"/>) on that course, or null when none does.</param>
public sealed record CracFailureCheck(
    string FailedCracId,
    string HottestRackId,
    double HighestInletC,
    bool WithinLimit,
    double HighestInletAfterResponseC,
    bool WithinLimitAfterResponse,
    double? TransientPeakC = null,
    string? TransientPeakRackId = null,
    double? TimeToCriticalS = null)
{
    /// <summary>True when the room survives this loss: judged over time, no rack reaches the critical limit; else the
    /// others' response keeps every rack within its limit.</summary>
    public bool Kept => TransientPeakC is null ? WithinLimitAfterResponse : TimeToCriticalS is null;
}
