namespace DigitalTwin.Models.Thermal;

/// <summary>A rack's IT power changes (a workload change on its servers, or servers added or failed), W.</summary>
public sealed record RackPowerChange(double AtS, string RackId, double ItPowerW) : ThermalPerturbation(AtS);
