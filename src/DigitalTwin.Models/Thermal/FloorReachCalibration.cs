namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Reads the floor's reach (<see cref="FloorReach"/>) from which units each rack breathes. The fitted influences
/// (<see cref="AffinityCalibration"/>) say in what proportions a rack's cold air comes from each unit; a floor whose
/// air fades with distance over L gives proportions that follow from the positions alone, so the L (and plenum share)
/// whose proportions match the fitted ones best is the room's reach. The same fading is what a steady history cannot
/// show directly: how much air each rack gets along a row, and so which rack starves first when a unit stops.
/// </summary>
internal static class FloorReachCalibration
{
    /// <summary>Reach lengths tried, m: a grid, because the error surface has a long valley (a longer reach with no
    /// plenum matches much as a shorter one with some does), where a local search stops anywhere along it.</summary>
    private static readonly double[] Lengths = [1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 15.0, 20.0];

    /// <summary>Plenum shares tried.</summary>
    private static readonly double[] Plenums = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

    /// <summary>A reach is believed only when it explains the proportions this much better than an even floor (no
    /// fading): rooms whose units all stand alike to their racks say nothing of the reach.</summary>
    private const double LeastImprovement = 0.5;

    /// <summary>
    /// The reach that best explains <paramref name="affinity"/> (fitted proportions), or null when positions are
    /// missing, the room has fewer than two units, or the proportions show no fading with distance.
    /// </summary>
    public static FloorReach? Fit(ThermalRoom room, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> affinity,
        out string basis)
    {
        basis = "";
        var racks = room.Racks;
        var cracs = room.Cracs;
        if (cracs.Count < 2 || racks.Count < 2 || racks.Any(r => r.Position is null) || cracs.Any(c => c.Position is null))
        {
            basis = "positions of every rack and unit needed";
            return null;
        }
        var observed = new double[racks.Count, cracs.Count];
        for (var j = 0; j < racks.Count; j++)
        {
            if (!affinity.TryGetValue(racks[j].Id, out var row)) return null;
            var total = cracs.Sum(c => Math.Max(0, row.GetValueOrDefault(c.Id)));
            if (total <= 0) return null;
            for (var i = 0; i < cracs.Count; i++) observed[j, i] = Math.Max(0, row.GetValueOrDefault(cracs[i].Id)) / total;
        }

        var even = Misfit(room, observed, new FloorReach(double.PositiveInfinity, 0));
        (double Misfit, FloorReach Reach)? best = null;
        foreach (var length in Lengths)
            foreach (var plenum in Plenums)
            {
                var reach = new FloorReach(length, plenum);
                var misfit = Misfit(room, observed, reach);
                if (best is null || misfit < best.Value.Misfit) best = (misfit, reach);
            }
        var rms = Math.Sqrt(best!.Value.Misfit / (racks.Count * cracs.Count));
        var evenRms = Math.Sqrt(even / (racks.Count * cracs.Count));
        if (best.Value.Misfit > LeastImprovement * even)
        {
            basis = $"the fitted influences show no fading with distance (rms {rms:0.000} at best against {evenRms:0.000} for an even floor)";
            return null;
        }
        basis = $"fitted to the {racks.Count} racks' influences: reach {best.Value.Reach.LengthM:0.##} m, plenum {best.Value.Reach.PlenumShare:P0} (rms {rms:0.000} against {evenRms:0.000} for an even floor)";
        return best.Value.Reach;
    }

    /// <summary>Squared difference between the observed proportions and those the reach gives.</summary>
    private static double Misfit(ThermalRoom room, double[,] observed, FloorReach reach)
    {
        var shares = AirDelivery.Split(room.Racks, room.Cracs, Enumerable.Repeat(1.0, room.Cracs.Count).ToList(), reach);
        var misfit = 0.0;
        for (var j = 0; j < room.Racks.Count; j++)
        {
            var total = 0.0;
            for (var i = 0; i < room.Cracs.Count; i++) total += shares[j, i];
            for (var i = 0; i < room.Cracs.Count; i++)
            {
                var d = (total > 0 ? shares[j, i] / total : 0) - observed[j, i];
                misfit += d * d;
            }
        }
        return misfit;
    }
}
