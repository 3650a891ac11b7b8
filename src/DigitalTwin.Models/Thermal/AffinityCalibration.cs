namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Which CRACs' air each rack breathes, read from the history when the units' supply temperatures move on their own
/// (control hunting, setpoint changes, a commissioning step test): a rack's mean inlet follows each unit's supply in
/// proportion to that unit's share of its intake. That share is what a failure takes away, and nothing in a steady
/// history says it: floor distance and cooling lists only guess it.
/// </summary>
internal static class AffinityCalibration
{
    /// <summary>Smallest swing of every unit's supply temperature (standard deviation) that can be read, K.</summary>
    private const double MinimumSupplySwingK = 0.1;

    /// <summary>How long every unit must have run before a sample is read, s: a restarted unit's fan ramps and its coil
    /// cools from the room's air for a minute or two, and that warm supply with little air behind it says nothing of
    /// its share of a rack's intake (and, being the largest swing in the history, it would dominate the fit).</summary>
    private const double UnitSettleS = 120;

    /// <summary>Largest standard error of a rack's share of one unit that is believed.</summary>
    private const double MaximumShareError = 0.08;

    /// <summary>
    /// Fits every rack's intake shares; returns them as affinities when every rack of the room could be read (a
    /// partial fit would mix two scales in the model's sharing of each unit's air), else null.
    /// </summary>
    public static Dictionary<string, IReadOnlyDictionary<string, double>>? Fit(ThermalRoom room, ObservedRoom observed, out string basis)
    {
        basis = "";
        var n = room.Cracs.Count;
        if (n < 2) return null;
        var usable = Enumerable.Range(0, observed.Length)
            .Where(k => observed.CracsKnown(k) && double.IsFinite(observed.ReturnC[k]) && observed.AllRunningFor(k, UnitSettleS)
                && Enumerable.Range(0, n).All(i => observed.CracRunning[i][k] && double.IsFinite(observed.CracSupplyC[i][k])))
            .ToList();
        if (usable.Count < 2 * ThermalCalibrator.MinimumSamples) return null;
        var swings = Enumerable.Range(0, n).Select(i => ThermalCalibrator.StandardDeviation(usable.Select(k => observed.CracSupplyC[i][k]))).ToList();
        if (swings.Min() < MinimumSupplySwingK)
        {
            basis = $"supply temperatures too steady to tell (smallest swing {swings.Min():0.00} K)";
            return null;
        }
        var affinity = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var rack in room.Racks)
        {
            if (!observed.History.Racks.TryGetValue(rack.Id, out var h)) return null;
            var rows = new List<double[]>();
            var targets = new List<double>();
            foreach (var k in usable)
            {
                var inlet = double.IsFinite(h.InletMeanC[k]) ? h.InletMeanC[k] : h.InletMaxC[k];
                if (!double.IsFinite(inlet)) continue;
                var row = new double[n + 2];
                for (var i = 0; i < n; i++) row[i] = observed.CracSupplyC[i][k];
                row[n] = observed.ReturnC[k];
                row[n + 1] = 1;
                rows.Add(row);
                targets.Add(inlet);
            }
            if (rows.Count < 2 * ThermalCalibrator.MinimumSamples) return null;
            var fit = LinearFit.Fit(rows, targets);
            if (fit is null) return null;
            var shares = fit.Coefficients.Take(n).ToArray();
            if (Enumerable.Range(0, n).Any(i => fit.StandardErrors[i] > MaximumShareError)) return null;
            var total = shares.Sum(s => Math.Max(0, s));
            if (total is < 0.3 or > 1.3) return null;
            // A unit the rack does not measurably breathe still reaches it a little through the plenum.
            affinity[rack.Id] = Enumerable.Range(0, n).ToDictionary(i => room.Cracs[i].Id, i => Math.Max(0.02 * total, shares[i]), StringComparer.Ordinal);
        }
        basis = $"{room.Racks.Count} of {room.Racks.Count} racks: least squares of the mean inlet on every unit's supply over {usable.Count} samples (swings {swings.Min():0.00}–{swings.Max():0.00} K)";
        return affinity;
    }
}
