namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The outcome of <see cref="RoomThermalModel.Simulate"/>.
/// </summary>
/// <param name="TimesS">The times of every series, seconds from the start (0, step, 2·step, … horizon).</param>
/// <param name="Racks">Each rack's inlet series, time to its limit and peak.</param>
/// <param name="Cracs">Each CRAC's supply, load, power and saturation.</param>
/// <param name="ReturnC">Room return (hot-air) temperature over time, °C.</param>
/// <param name="FirstLimitS">Seconds until the first rack reaches its limit, or null when none does.</param>
/// <param name="FirstRackId">The rack that reaches its limit first, or null.</param>
public sealed record ThermalSimulation(
    IReadOnlyList<double> TimesS,
    IReadOnlyList<RackInletSeries> Racks,
    IReadOnlyList<CracSeries> Cracs,
    IReadOnlyList<double> ReturnC,
    double? FirstLimitS,
    string? FirstRackId)
{
    /// <summary>Energy drawn by all CRACs over the run, J (trapezoidal over the series).</summary>
    public double CoolingEnergyJ()
    {
        var energy = 0.0;
        foreach (var crac in Cracs)
            for (var k = 1; k < TimesS.Count; k++)
                energy += 0.5 * (crac.PowerW[k] + crac.PowerW[k - 1]) * (TimesS[k] - TimesS[k - 1]);
        return energy;
    }
}
