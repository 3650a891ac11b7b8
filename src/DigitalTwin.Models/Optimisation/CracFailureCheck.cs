namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// What one CRAC failing after a recommendation would do (steady state of the others).
/// </summary>
/// <param name="FailedCracId">The CRAC that fails.</param>
/// <param name="HottestRackId">The rack that would be hottest.</param>
/// <param name="HighestInletC">Its inlet with the others left at the recommended settings, °C.</param>
/// <param name="WithinLimit">True when every rack stays within its limit (no margin) at the recommended settings.</param>
/// <param name="HighestInletAfterResponseC">The hottest inlet once the others respond (lowest setpoint, full fan), °C.</param>
/// <param name="WithinLimitAfterResponse">True when that response keeps every rack within its limit.</param>
public sealed record CracFailureCheck(
    string FailedCracId,
    string HottestRackId,
    double HighestInletC,
    bool WithinLimit,
    double HighestInletAfterResponseC,
    bool WithinLimitAfterResponse);
