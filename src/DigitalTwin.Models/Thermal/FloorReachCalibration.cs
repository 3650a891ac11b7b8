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

        // Row by row first: a row's racks breathe one cold aisle, so the units' swings show how the aisle is fed, alike
        // for all its racks; compared rack by rack, a reach whose air varies along a row cannot match proportions that
        // do not, and the fit runs to long reaches without plenum (4 m, 0 % for the simulator's 3 m with 20 %). Where
        // the rows say nothing (units that stand alike to every row, at the rows' ends), rack by rack.
        string? rowsBasis = null;
        foreach (var byRow in new[] { true, false })
        {
            var groups = byRow ? Rows(room) : [.. Enumerable.Range(0, racks.Count).Select(j => new List<int> { j })];
            if (byRow && groups.Count == racks.Count) continue;
            var even = Misfit(room, observed, groups, new FloorReach(double.PositiveInfinity, 0));
            (double Misfit, FloorReach Reach)? best = null;
            foreach (var length in Lengths)
                foreach (var plenum in Plenums)
                {
                    var reach = new FloorReach(length, plenum);
                    var misfit = Misfit(room, observed, groups, reach);
                    if (best is null || misfit < best.Value.Misfit) best = (misfit, reach);
                }
            var rms = Math.Sqrt(best!.Value.Misfit / (racks.Count * cracs.Count));
            var evenRms = Math.Sqrt(even / (racks.Count * cracs.Count));
            var over = byRow ? $"the {groups.Count} rows'" : $"the {racks.Count} racks'";
            if (best.Value.Misfit > LeastImprovement * even)
            {
                if (byRow)
                {
                    rowsBasis = $"{over} influences show no fading (rms {rms:0.000} against {evenRms:0.000} for an even floor)";
                    continue;
                }
                basis = $"the fitted influences show no fading with distance (rms {rms:0.000} at best against {evenRms:0.000} for an even floor"
                    + (rowsBasis is null ? ")" : $"; {rowsBasis})");
                return null;
            }
            basis = $"fitted to {over} influences: reach {best.Value.Reach.LengthM:0.##} m, plenum {best.Value.Reach.PlenumShare:P0} (rms {rms:0.000} against {evenRms:0.000} for an even floor)"
                + (rowsBasis is null ? "" : $"; {rowsBasis}");
            return best.Value.Reach;
        }
        return null;
    }

    /// <summary>Squared difference between the observed proportions and those the reach gives, group by group (a row,
    /// or a single rack): each group's proportions are its racks' mean, the model's its racks' summed air; each group
    /// weighs as many racks as it holds.</summary>
    private static double Misfit(ThermalRoom room, double[,] observed, List<List<int>> groups, FloorReach reach)
    {
        var shares = AirDelivery.Split(room.Racks, room.Cracs, Enumerable.Repeat(1.0, room.Cracs.Count).ToList(), reach);
        var cracs = room.Cracs.Count;
        var misfit = 0.0;
        foreach (var group in groups)
        {
            var given = new double[cracs];
            var seen = new double[cracs];
            foreach (var j in group)
                for (var i = 0; i < cracs; i++)
                {
                    given[i] += shares[j, i];
                    seen[i] += observed[j, i] / group.Count;
                }
            var total = given.Sum();
            for (var i = 0; i < cracs; i++)
            {
                var d = (total > 0 ? given[i] / total : 0) - seen[i];
                misfit += group.Count * d * d;
            }
        }
        return misfit;
    }

    /// <summary>The racks of each row (positions on one line across the room, to 10 cm), by index.</summary>
    private static List<List<int>> Rows(ThermalRoom room) =>
        [.. Enumerable.Range(0, room.Racks.Count).GroupBy(j => Math.Round(room.Racks[j].Position!.Y, 1)).Select(g => g.ToList())];
}
