namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Training rows with every feature replaced by its quantile bin (a byte), stored feature by feature so that building
/// a histogram walks memory in order. Bin b of feature f holds values v with Edges[f][b-1] &lt; v &lt;= Edges[f][b].
/// </summary>
internal sealed class BinnedFeatures
{
    private BinnedFeatures(int rowCount, double[][] edges, byte[][] bins)
    {
        RowCount = rowCount;
        Edges = edges;
        Bins = bins;
    }

    public int RowCount { get; }

    public int FeatureCount => Edges.Length;

    /// <summary>Upper edge of every bin but the last, per feature.</summary>
    public double[][] Edges { get; }

    /// <summary>Bin of each row, per feature.</summary>
    public byte[][] Bins { get; }

    public int BinCount(int feature) => Edges[feature].Length + 1;

    public static BinnedFeatures Build(IReadOnlyList<double[]> rows, int maxBins)
    {
        var n = rows.Count;
        var m = rows[0].Length;
        var edges = new double[m][];
        var bins = new byte[m][];
        var column = new double[n];
        for (var f = 0; f < m; f++)
        {
            for (var i = 0; i < n; i++)
            {
                if (rows[i].Length != m) throw new ArgumentException($"Row {i} has {rows[i].Length} features, expected {m}.", nameof(rows));
                column[i] = rows[i][f];
                if (!double.IsFinite(column[i])) throw new ArgumentException($"Row {i} feature {f} is not finite.", nameof(rows));
            }
            var sorted = (double[])column.Clone();
            Array.Sort(sorted);
            edges[f] = QuantileEdges(sorted, maxBins);
            var featureBins = new byte[n];
            for (var i = 0; i < n; i++) featureBins[i] = (byte)BinOf(edges[f], column[i]);
            bins[f] = featureBins;
        }
        return new BinnedFeatures(n, edges, bins);
    }

    public static int BinOf(double[] edges, double value)
    {
        // First edge at or above the value; values above every edge fall in the last bin.
        var index = Array.BinarySearch(edges, value);
        return index >= 0 ? index : ~index;
    }

    private static double[] QuantileEdges(double[] sorted, int maxBins)
    {
        var edges = new List<double>(maxBins);
        for (var q = 1; q < maxBins; q++)
        {
            var candidate = sorted[(int)((long)q * (sorted.Length - 1) / maxBins)];
            // An edge equal to the maximum would leave the last bin empty; duplicates add nothing.
            if (candidate < sorted[^1] && (edges.Count == 0 || candidate > edges[^1])) edges.Add(candidate);
        }
        return edges.ToArray();
    }
}
