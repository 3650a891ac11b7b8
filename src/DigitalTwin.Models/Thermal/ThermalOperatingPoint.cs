namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A room at one moment (or at steady state): every rack's inlet, every CRAC's state, and the cooling power.
/// </summary>
/// <param name="ReturnC">Room return (hot-air) temperature, °C.</param>
/// <param name="RackInletC">Per rack id, inlet temperature, °C.</param>
/// <param name="RackSupplyShare">Per rack id, cold air reaching it over the air it draws (below 1: it breathes exhaust).</param>
/// <param name="Cracs">Each CRAC.</param>
/// <param name="Steady">False when no steady state exists (cooling cannot remove the heat at any temperature the
/// model covers); the values are then those at the top of its range.</param>
public sealed record ThermalOperatingPoint(
    double ReturnC,
    IReadOnlyDictionary<string, double> RackInletC,
    IReadOnlyDictionary<string, double> RackSupplyShare,
    IReadOnlyList<CracOperatingPoint> Cracs,
    bool Steady)
{
    /// <summary>Electrical power of all CRACs, W.</summary>
    public double CoolingPowerW => Cracs.Sum(c => c.PowerW);

    /// <summary>Heat removed by all CRACs, W.</summary>
    public double CoolingLoadW => Cracs.Sum(c => c.CoolingLoadW);
}
