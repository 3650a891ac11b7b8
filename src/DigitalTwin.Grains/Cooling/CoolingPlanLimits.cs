namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// What the optimiser must respect beyond each unit's own ratings: the margin kept below every rack's inlet limit,
/// for the automatic mode the largest change of setpoint and fan speed in one step (null: no limit), and the least
/// cold air every rack must get over what it draws (0: no floor), and the highest inlet allowed should one CRAC stop
/// at the new settings while the loop responds (0: not judged), how long the loop takes to respond to a stopped unit, s,
/// the ample share up to which no rack may get less cold air after a loss than it would today (0: no such floor), and the
/// margin kept below the failure limit, K.
/// </summary>
public sealed record CoolingPlanLimits(double SafetyMarginK, double? MaxSetpointStepC, double? MaxFanStepPct, double MinColdAirShare = 0,
    double FailureLimitC = 0, double FailureResponseS = 60, double FailureColdAirShare = 0, double FailureMarginK = 0);
