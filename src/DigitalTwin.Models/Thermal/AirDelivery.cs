using MathNet.Numerics.LinearAlgebra;

namespace DigitalTwin.Models.Thermal;

/// <summary>
/// How much of each CRAC's air reaches each rack. When the floor's reach is known (<see cref="FloorReach"/>, read from
/// the units' influences and the positions) each unit's air goes where the floor takes it: fading with distance from
/// the unit, a share evened out by the plenum. Otherwise affinities (fitted from the history or guessed from the floor)
/// say in what proportions a rack's cold air comes from each unit, not how much cold air it gets; the quantities then
/// follow from asking every unit's air to go somewhere: each rack's supply is chosen so that, split in its proportions,
/// the racks together take each unit's air (less bypass), as close as possible to a supply in proportion to what each
/// rack draws. So a row that breathes two units' air in equal parts while the room's third unit feeds mostly another
/// row gets its share of those two units' air, and loses half of it when one of them stops — which is what decides
/// whether its racks starve.
/// </summary>
internal static class AirDelivery
{
    /// <summary>A rack's supply stays within this factor of its share by draw, whatever the affinities say.</summary>
    private const double MostAboveDraw = 4, LeastBelowDraw = 0.25;

    /// <summary>Price of a rack's relative departure from supply by draw, against a unit's relative air unaccounted.</summary>
    private const double Stiffness = 0.003;

    /// <summary>
    /// Share of each unit's air reaching each rack, [rack, crac]; every unit's shares sum to 1 − bypass.
    /// </summary>
    /// <param name="affinity">Affinity of each rack for each unit, [rack, crac], not negative.</param>
    /// <param name="draw">Each rack's nominal airflow (what its servers draw), not negative.</param>
    /// <param name="airflow">Each unit's airflow at the reference state, m³/s (a stopped unit at a typical speed).</param>
    /// <param name="bypassFraction">Share of each unit's air that no rack takes.</param>
    /// <param name="floorSplit">Each unit's air as the floor shares it, [rack, crac] (<see cref="Split"/>), when the
    /// floor's reach is known: then the shares are its fractions and the affinities are not used. Null otherwise.</param>
    public static double[,] Shares(double[,] affinity, IReadOnlyList<double> draw, IReadOnlyList<double> airflow, double bypassFraction,
        double[,]? floorSplit = null)
    {
        var racks = affinity.GetLength(0);
        var cracs = affinity.GetLength(1);
        var shares = new double[racks, cracs];
        if (racks == 0 || cracs == 0) return shares;
        var delivered = 1 - bypassFraction;
        // With the floor's reach known, each unit's air goes where the floor takes it, whatever the others blow: a rack
        // keeps exactly its part of the units still running when one stops. The proportions alone cannot say that: a
        // supply solved from them moves with every unit's speed, so a rack fed more by one unit also claims more of
        // the others' air and keeps too much of it when that unit stops.
        if (floorSplit is not null)
        {
            for (var i = 0; i < cracs; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < racks; j++) sum += floorSplit[j, i];
                for (var j = 0; j < racks; j++) shares[j, i] = sum > 0 && double.IsFinite(sum) ? delivered * floorSplit[j, i] / sum : delivered / racks;
            }
            return shares;
        }

        var totalDraw = draw.Sum();
        var totalAir = airflow.Sum();

        // Each rack's proportions, and its supply if every rack got cold air in proportion to its draw.
        var proportion = Matrix<double>.Build.Dense(racks, cracs);
        var prior = Vector<double>.Build.Dense(racks);
        for (var j = 0; j < racks; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < cracs; i++) sum += Math.Max(0, affinity[j, i]);
            for (var i = 0; i < cracs; i++) proportion[j, i] = sum > 0 ? Math.Max(0, affinity[j, i]) / sum : 1.0 / cracs;
            prior[j] = totalDraw > 0 ? delivered * totalAir * draw[j] / totalDraw : delivered * totalAir / racks;
        }
        // Supplies S = S0·(1 + x) that take each unit's air, with every departure from the prior paid for: minimise
        // Σᵢ((Pᵀ·S − c)ᵢ / cᵢ)² + λ·‖x‖², so x = Aᵀ·(A·Aᵀ + λ·I)⁻¹·r with A = diag(1/c)·Pᵀ·diag(S0) and
        // r = (c − Pᵀ·S0)/c. A difference the proportions hardly show (two units a row breathes alike) would need
        // large, arbitrary supplies to explain: the penalty keeps those at the prior.
        var supply = prior;
        var feeding = Enumerable.Range(0, cracs).Where(i => airflow[i] > 0).ToList();
        if (feeding.Count > 0)
        {
            var a = Matrix<double>.Build.Dense(feeding.Count, racks, (k, j) => proportion[j, feeding[k]] * prior[j] / (delivered * airflow[feeding[k]]));
            var r = Vector<double>.Build.Dense(feeding.Count, k =>
            {
                var i = feeding[k];
                var taken = 0.0;
                for (var j = 0; j < racks; j++) taken += proportion[j, i] * prior[j];
                return 1 - taken / (delivered * airflow[i]);
            });
            var system = a * a.Transpose() + Matrix<double>.Build.DenseIdentity(feeding.Count) * Stiffness;
            var x = a.Transpose() * system.Solve(r);
            supply = Vector<double>.Build.Dense(racks, j =>
                double.IsFinite(x[j]) ? prior[j] * Math.Clamp(1 + x[j], LeastBelowDraw, MostAboveDraw) : prior[j]);
        }

        for (var i = 0; i < cracs; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < racks; j++)
            {
                shares[j, i] = proportion[j, i] * supply[j];
                sum += shares[j, i];
            }
            // Clamping may have left a unit's air a little over- or under-taken: its air all goes somewhere.
            for (var j = 0; j < racks; j++) shares[j, i] = sum > 0 ? shares[j, i] / sum * delivered : delivered / racks;
        }
        return shares;
    }

    /// <summary>
    /// Each unit's air as the floor alone shares it, [rack, crac], m³/s: the plenum's share evenly over every rack, the
    /// rest by <see cref="FloorReach.Weight"/>, so each unit's air all goes somewhere and a rack nearer to it gets
    /// more. The tiles in front of a rack pass what the floor's pressure drives through them, whatever its servers draw:
    /// a rack that draws more than it is given breathes warm air for the rest. A rack or unit without a position is
    /// reached evenly.
    /// </summary>
    public static double[,] Split(IReadOnlyList<ThermalRack> racks, IReadOnlyList<ThermalCrac> cracs, IReadOnlyList<double> airflow, FloorReach reach)
    {
        var split = new double[racks.Count, cracs.Count];
        if (racks.Count == 0) return split;
        var even = 1.0 / racks.Count;
        for (var i = 0; i < cracs.Count; i++)
        {
            var weights = new double[racks.Count];
            var weighted = 0.0;
            for (var j = 0; j < racks.Count; j++)
            {
                weights[j] = double.IsFinite(reach.LengthM) ? reach.Weight(racks[j], cracs[i]) ?? 1 : 1;
                weighted += weights[j];
            }
            for (var j = 0; j < racks.Count; j++)
            {
                var local = weighted > 0 ? weights[j] / weighted : even;
                split[j, i] = airflow[i] * ((1 - reach.PlenumShare) * local + reach.PlenumShare * even);
            }
        }
        return split;
    }
}
