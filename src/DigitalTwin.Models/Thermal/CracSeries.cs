namespace DigitalTwin.Models.Thermal;

/// <summary>
/// One CRAC's predicted behaviour over a simulation, at the simulation's times.
/// </summary>
/// <param name="Id">The CRAC's id.</param>
/// <param name="SupplyC">Supply-air temperature, °C (the return temperature while stopped).</param>
/// <param name="CoolingLoadW">Heat removed, W.</param>
/// <param name="PowerW">Electrical power, compressor and fan, W.</param>
/// <param name="Saturated">True at the times it could not hold its setpoint (running at its capacity).</param>
public sealed record CracSeries(
    string Id,
    IReadOnlyList<double> SupplyC,
    IReadOnlyList<double> CoolingLoadW,
    IReadOnlyList<double> PowerW,
    IReadOnlyList<bool> Saturated);
