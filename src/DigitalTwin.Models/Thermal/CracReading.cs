namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A CRAC's latest reported values, as <see cref="LatestReadingCalibration.CracPower"/> reads them.
/// </summary>
/// <param name="SupplyC">Supply-air temperature, °C (<c>supply_temp_c</c>).</param>
/// <param name="CoolingLoadW">Heat removed, W (<c>cooling_load_w</c>).</param>
/// <param name="PowerW">Electrical power, W (<c>power_w</c>).</param>
public sealed record CracReading(double SupplyC, double CoolingLoadW, double PowerW);
