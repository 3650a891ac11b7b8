namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// One fitted tree, stored as flat arrays. An inner node sends a row left when its feature is at or below the node's
/// threshold. Leaf values already include the learning rate.
/// </summary>
internal sealed class RegressionTree(int[] feature, double[] threshold, int[] binThreshold, int[] left, int[] right, double[] value)
{
    public double Predict(ReadOnlySpan<double> features)
    {
        var node = 0;
        while (feature[node] >= 0)
            node = features[feature[node]] <= threshold[node] ? left[node] : right[node];
        return value[node];
    }

    public double PredictBinned(BinnedFeatures binned, int row)
    {
        var node = 0;
        while (feature[node] >= 0)
            node = binned.Bins[feature[node]][row] <= binThreshold[node] ? left[node] : right[node];
        return value[node];
    }
}
