namespace DigitalTwin.Models.Thermal;

/// <summary>
/// How a CRAC's air spreads over the floor: most of it comes up through the tiles near the unit and fades with
/// distance over <paramref name="LengthM"/>; the plenum evens out <paramref name="PlenumShare"/> of it over every rack
/// of the room. It decides how much air each rack gets, not only from which units: a unit at a row's end pours its air
/// on the few racks beside it, and the rack farthest from every unit is the first to go short when one stops.
/// </summary>
/// <param name="LengthM">Distance over which a unit's local air falls by e, m (above 0).</param>
/// <param name="PlenumShare">Share of each unit's air the plenum spreads evenly over every rack of the room, 0–1.</param>
public sealed record FloorReach(double LengthM, double PlenumShare)
{
    /// <summary>How readily unit <paramref name="crac"/>'s air reaches <paramref name="rack"/> by the floor alone
    /// (before the plenum's even share), or null when either position is unknown.</summary>
    public double? Weight(ThermalRack rack, ThermalCrac crac) =>
        rack.Position is { } r && crac.Position is { } c ? Math.Exp(-r.DistanceTo(c) / LengthM) : null;

    /// <summary>A floor as a survey rates it (<c>air_reach_m</c>, <c>plenum_share</c>), or null when no usable reach is
    /// given: a reach must be a positive distance; a missing plenum share is none, and one outside 0–1 voids the survey.</summary>
    public static FloorReach? Surveyed(double? lengthM, double? plenumShare) =>
        lengthM is > 0 and var length && double.IsFinite(length) && (plenumShare ?? 0) is >= 0 and <= 1
            ? new FloorReach(length, plenumShare ?? 0)
            : null;
}
