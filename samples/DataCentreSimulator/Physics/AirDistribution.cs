using DataCentreSimulator.Plant;

namespace DataCentreSimulator.Physics;

/// <summary>
/// Which share of each CRAC's air reaches each rack. Most of a unit's air comes up through the tiles near it and
/// fades with distance; the under-floor plenum evens out the rest over the whole room. So when a unit stops, the
/// racks it stood next to lose most of their air while racks elsewhere hardly notice, and racks far from every unit
/// are the first to run short.
/// </summary>
internal static class AirDistribution
{
    /// <summary>Distance over which a unit's local share fades by e, m.</summary>
    public const double ReachM = 3.0;

    /// <summary>Share of each unit's air that the plenum spreads evenly over the room.</summary>
    public const double PlenumShare = 0.2;

    public static void Assign(Room room)
    {
        var racks = room.Racks;
        foreach (var rack in racks) rack.SupplyShare = new double[room.Cracs.Count];
        if (racks.Count == 0) return;
        for (var c = 0; c < room.Cracs.Count; c++)
        {
            var crac = room.Cracs[c];
            var weights = racks.Select(r => Math.Exp(-Math.Sqrt(Square(r.X - crac.X) + Square(r.Y - crac.Y)) / ReachM)).ToArray();
            var total = weights.Sum();
            for (var r = 0; r < racks.Count; r++)
            {
                racks[r].SupplyShare[c] = (1 - PlenumShare) * weights[r] / total + PlenumShare / racks.Count;
            }
        }
    }

    private static double Square(double v) => v * v;
}
