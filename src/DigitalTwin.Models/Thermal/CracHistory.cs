namespace DigitalTwin.Models.Thermal;

/// <summary>
/// One CRAC's telemetry on a history's time grid (NaN where nothing was read).
/// </summary>
/// <param name="SupplyC">Supply-air temperature, °C.</param>
/// <param name="ReturnC">Return-air temperature, °C.</param>
/// <param name="SetpointC">Setpoint, °C.</param>
/// <param name="FanPct">Fan speed, %.</param>
/// <param name="AirflowM3PerS">Airflow, m³/s.</param>
/// <param name="CoolingLoadW">Heat removed, W.</param>
/// <param name="PowerW">Electrical power, W.</param>
public sealed record CracHistory(
    IReadOnlyList<double> SupplyC,
    IReadOnlyList<double> ReturnC,
    IReadOnlyList<double> SetpointC,
    IReadOnlyList<double> FanPct,
    IReadOnlyList<double> AirflowM3PerS,
    IReadOnlyList<double> CoolingLoadW,
    IReadOnlyList<double> PowerW);
