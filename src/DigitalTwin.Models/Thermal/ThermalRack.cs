namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A rack as the thermal model sees it.
/// </summary>
/// <param name="Id">The rack's twin id.</param>
/// <param name="Position">Where it stands on the floor (<see cref="FloorGeometry"/>), or null when unknown.</param>
/// <param name="ItPowerW">IT power drawn by everything in the rack, W (all of it becomes heat in the room).</param>
/// <param name="InletLimitC">The inlet temperature this rack must stay at or below, °C (its servers' critical limit).</param>
/// <param name="Cooling">Ids of the CRACs the topology says cool it (its <c>cooling</c> list); empty when not said.</param>
/// <param name="ServerCount">Servers in the rack, used for the default heat capacity of its equipment; 0 when unknown.</param>
/// <param name="NameplatePowerW">Sum of its servers' nameplate power, W; 0 when unknown.</param>
public sealed record ThermalRack(
    string Id,
    FloorPoint? Position,
    double ItPowerW,
    double InletLimitC,
    IReadOnlyList<string> Cooling,
    int ServerCount = 0,
    double NameplatePowerW = 0);
