namespace DigitalTwin.Models.Thermal;

/// <summary>A CRAC's fan speed changes, % of full.</summary>
public sealed record CracFanSpeedChange(double AtS, string CracId, double FanPct) : ThermalPerturbation(AtS);
