namespace DigitalTwin.Models.Thermal;

/// <summary>A CRAC stops: no airflow, no cooling.</summary>
public sealed record CracFailure(double AtS, string CracId) : ThermalPerturbation(AtS);
