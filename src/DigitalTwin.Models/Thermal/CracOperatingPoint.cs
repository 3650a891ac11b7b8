namespace DigitalTwin.Models.Thermal;

/// <summary>
/// One CRAC at an operating point.
/// </summary>
/// <param name="Id">The CRAC's id.</param>
/// <param name="Running">False when stopped.</param>
/// <param name="SupplyC">Supply-air temperature, °C.</param>
/// <param name="ReturnC">Return-air temperature, °C.</param>
/// <param name="AirflowM3PerS">Airflow, m³/s.</param>
/// <param name="CoolingLoadW">Heat removed, W.</param>
/// <param name="CapacityW">What it could remove at this return temperature and airflow, W.</param>
/// <param name="CompressorPowerW">Compressor/chiller share of its power, W.</param>
/// <param name="FanPowerW">Fan power, W.</param>
/// <param name="Saturated">True when it cannot hold its setpoint.</param>
public sealed record CracOperatingPoint(
    string Id,
    bool Running,
    double SupplyC,
    double ReturnC,
    double AirflowM3PerS,
    double CoolingLoadW,
    double CapacityW,
    double CompressorPowerW,
    double FanPowerW,
    bool Saturated)
{
    /// <summary>Electrical power, W.</summary>
    public double PowerW => CompressorPowerW + FanPowerW;
}
