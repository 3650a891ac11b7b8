namespace DigitalTwin.Models.Thermal;

/// <summary>A CRAC's supply-air setpoint changes, °C.</summary>
public sealed record CracSetpointChange(double AtS, string CracId, double SetpointC) : ThermalPerturbation(AtS);
