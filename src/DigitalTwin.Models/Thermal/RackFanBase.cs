namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A rack's intake air when its servers' fans ran as the history saw them: the cold air its bottom server breathes and
/// the hottest inlet at its top. The exhaust rise, and so the air the rack draws, was calibrated at these inlets; at
/// warmer inlets the servers' fans run faster (<see cref="ThermalDefaults.FanRamp"/>) and the rack draws more.
/// </summary>
/// <param name="ColdC">The cold air reaching the rack, °C.</param>
/// <param name="HottestC">Its hottest server's inlet, °C.</param>
public sealed record RackFanBase(double ColdC, double HottestC);
