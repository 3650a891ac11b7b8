namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A room's telemetry history on one regular time grid, as <see cref="ThermalCalibrator"/> reads it. Build it
/// from raw readings with <see cref="ThermalHistoryBuilder"/>.
/// </summary>
/// <param name="Start">The instant of the first grid point.</param>
/// <param name="TimesS">Grid times, seconds from <paramref name="Start"/>.</param>
/// <param name="Racks">Per rack id.</param>
/// <param name="Cracs">Per CRAC id.</param>
public sealed record ThermalHistory(
    DateTimeOffset Start,
    IReadOnlyList<double> TimesS,
    IReadOnlyDictionary<string, RackHistory> Racks,
    IReadOnlyDictionary<string, CracHistory> Cracs);
