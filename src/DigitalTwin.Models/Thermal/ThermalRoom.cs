namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A room (data hall) as the thermal model sees it: its racks, its CRACs and its air volume. One room is one
/// thermal zone: air does not pass between rooms.
/// </summary>
/// <param name="Id">The room's twin id.</param>
/// <param name="VolumeM3">Air volume of the room, m³ (<c>volume_m3</c>); 0 when unknown (then estimated from its floor).</param>
/// <param name="Racks">The racks in the room.</param>
/// <param name="Cracs">The CRACs in the room.</param>
public sealed record ThermalRoom(
    string Id,
    double VolumeM3,
    IReadOnlyList<ThermalRack> Racks,
    IReadOnlyList<ThermalCrac> Cracs);
