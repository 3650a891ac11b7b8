namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// What the optimiser must respect beyond each unit's own ratings: the margin kept below every rack's inlet limit,
/// and for the automatic mode the largest change of setpoint and fan speed in one step (null: no limit).
/// </summary>
public sealed record CoolingPlanLimits(double SafetyMarginK, double? MaxSetpointStepC, double? MaxFanStepPct);
