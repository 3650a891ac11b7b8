namespace DigitalTwin.Models.Optimisation;

/// <summary>A CRAC's setpoint and fan speed.</summary>
/// <param name="CracId">The CRAC.</param>
/// <param name="SetpointC">Supply setpoint, °C.</param>
/// <param name="FanPct">Fan speed, %.</param>
public sealed record CracSetting(string CracId, double SetpointC, double FanPct);
