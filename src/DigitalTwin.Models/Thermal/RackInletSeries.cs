namespace DigitalTwin.Models.Thermal;

/// <summary>
/// One rack's predicted inlet temperature over a simulation.
/// </summary>
/// <param name="Id">The rack's id.</param>
/// <param name="InletC">Inlet temperature (its hottest server's) at each of the simulation's times, °C; NaN before a
/// rack added later exists.</param>
/// <param name="ExhaustC">Mean exhaust (server outlet) temperature at each time, °C; NaN before the rack exists.</param>
/// <param name="LimitC">The inlet limit it was judged against, °C.</param>
/// <param name="TimeToLimitS">Seconds from the start until the inlet first reaches the limit (interpolated between
/// steps; 0 when already there), or null when it stays below it over the horizon.</param>
/// <param name="PeakInletC">Highest inlet over the horizon, °C.</param>
/// <param name="MeanInletC">Mean inlet over the rack's servers (the mixed air, without the hottest server's extra share
/// or its sensor's offset) at each time, °C; empty when not recorded.</param>
/// <param name="LeastAirShare">The lowest, over the horizon, of the cold air reaching the rack over the air its servers
/// draw: above 1 it has air to spare, below 1 its servers breathe exhaust for the rest. How near a rack that holds came
/// to starving, which a time to the limit cannot say; NaN when not recorded.</param>
public sealed record RackInletSeries(
    string Id,
    IReadOnlyList<double> InletC,
    IReadOnlyList<double> ExhaustC,
    double LimitC,
    double? TimeToLimitS,
    double PeakInletC,
    IReadOnlyList<double>? MeanInletC = null,
    double LeastAirShare = double.NaN);
