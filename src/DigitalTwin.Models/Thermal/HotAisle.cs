namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The hot-aisle air behind each rack: the exhaust of its row, mixed along the aisle. Warm air that comes back over
/// the top of a rack or round the row's end is this air, not the rack's own exhaust alone: a rack whose inlet warms
/// warms its own exhaust, but its neighbours', still fed, dilute it. Taking a starved rack's own exhaust as what it
/// breathes back closed the loop one to one and ran it away too fast and too far (against the simulator's night
/// failures, plateaus 2 K too hot and crossings a third too early).
/// </summary>
internal sealed class HotAisle
{
    // weights[j][n] applies to the exhaust of rack neighbours[j][n]; a rack always weighs its own exhaust at 1.
    private readonly int[][] neighbours;
    private readonly double[][] weights;

    /// <summary>Weights of each rack's row neighbours: e^(−distance / <see cref="ThermalDefaults.HotAisleMixingM"/>)
    /// for racks on the same row line (the same <see cref="FloorPoint.Y"/>), none for racks elsewhere or without a
    /// position, whose hot aisle is their own exhaust.</summary>
    public HotAisle(IReadOnlyList<ThermalRack> racks)
    {
        neighbours = new int[racks.Count][];
        weights = new double[racks.Count][];
        for (var j = 0; j < racks.Count; j++)
        {
            var near = new List<int> { j };
            var weight = new List<double> { 1 };
            if (racks[j].Position is { } here)
            {
                for (var k = 0; k < racks.Count; k++)
                {
                    if (k == j || racks[k].Position is not { } there || Math.Abs(there.Y - here.Y) >= SameRowM) continue;
                    var w = Math.Exp(-here.DistanceTo(there) / ThermalDefaults.HotAisleMixingM);
                    if (w < NegligibleWeight) continue;
                    near.Add(k);
                    weight.Add(w);
                }
            }
            neighbours[j] = [.. near];
            weights[j] = [.. weight];
        }
    }

    /// <summary>Racks whose row lines are closer than this share a row, m (rows stand metres apart).</summary>
    private const double SameRowM = 0.5;

    /// <summary>Neighbours weighing less than this are left out (more than about six racks' width away).</summary>
    private const double NegligibleWeight = 0.05;

    /// <summary>The hot-aisle air behind rack <paramref name="j"/>, °C: its neighbours' exhaust weighted by distance
    /// and by the air each blows out. Racks whose exhaust or airflow is not known (NaN) are left out; if none is left,
    /// the rack's own exhaust.</summary>
    /// <param name="j">The rack.</param>
    /// <param name="exhaustC">Each rack's exhaust, °C.</param>
    /// <param name="airflow">Each rack's airflow (any unit), not negative.</param>
    public double MixC(int j, Func<int, double> exhaustC, Func<int, double> airflow)
    {
        double flow = 0, heat = 0;
        var near = neighbours[j];
        var weight = weights[j];
        for (var n = 0; n < near.Length; n++)
        {
            var exhaust = exhaustC(near[n]);
            var blown = airflow(near[n]);
            if (!double.IsFinite(exhaust) || !double.IsFinite(blown)) continue;
            var f = weight[n] * Math.Max(0, blown);
            flow += f;
            heat += f * exhaust;
        }
        return flow > 0 ? heat / flow : exhaustC(j);
    }
}
