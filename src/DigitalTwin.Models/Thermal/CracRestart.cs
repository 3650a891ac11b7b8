namespace DigitalTwin.Models.Thermal;

/// <summary>A stopped CRAC starts again at its last setpoint and fan speed.</summary>
public sealed record CracRestart(double AtS, string CracId) : ThermalPerturbation(AtS);
