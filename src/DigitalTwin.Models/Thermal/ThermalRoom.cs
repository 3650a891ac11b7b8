namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A room (data hall) as the thermal model sees it: its racks, its CRACs and its air volume. One room is one
/// thermal zone: air does not pass between rooms.
/// </summary>
/// <param name="Id">The room's twin id.</param>
/// <param name="VolumeM3">Air volume of the room, m³ (<c>volume_m3</c>); 0 when unknown (then estimated from its floor).</param>
/// <param name="Racks">The racks in the room.</param>
/// <param name="Cracs">The CRACs in the room.</param>
/// <param name="BypassFraction">Share of the CRACs' air that leaves the floor without reaching any rack's front, 0–0.9
/// (<c>bypass_fraction</c>, from a floor survey); null when unknown (then <see cref="ThermalDefaults.BypassFraction"/>).</param>
/// <param name="SurveyedReach">How far each unit's air reaches as a floor survey rates it (<c>air_reach_m</c>,
/// <c>plenum_share</c>; <see cref="FloorReach.Surveyed"/>), or null: used where the history cannot identify the floor.</param>
public sealed record ThermalRoom(
    string Id,
    double VolumeM3,
    IReadOnlyList<ThermalRack> Racks,
    IReadOnlyList<ThermalCrac> Cracs,
    double? BypassFraction = null,
    FloorReach? SurveyedReach = null);
