namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Least-squares gradient boosting of regression trees, histogram style: every feature is cut into quantile bins once,
/// then each tree is grown depth-first on bin counts, so training costs O(rows × features) per tree level.
/// Deterministic for a given <see cref="GradientBoostingOptions.Seed"/>. Immutable once trained; safe to share.
/// </summary>
public sealed class GradientBoostedRegressor
{
    private readonly double _baseValue;
    private readonly RegressionTree[] _trees;

    private GradientBoostedRegressor(double baseValue, RegressionTree[] trees, int featureCount)
    {
        _baseValue = baseValue;
        _trees = trees;
        FeatureCount = featureCount;
    }

    /// <summary>Number of features a row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Fits trees to <paramref name="rows"/> (one feature vector per row) and their <paramref name="targets"/>.</summary>
    public static GradientBoostedRegressor Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        if (rows.Count == 0) throw new ArgumentException("No training rows.", nameof(rows));
        if (rows.Count != targets.Count) throw new ArgumentException($"{rows.Count} rows but {targets.Count} targets.", nameof(targets));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxBins, 256);

        var binned = BinnedFeatures.Build(rows, options.MaxBins);
        var n = rows.Count;
        var baseValue = targets.Average();
        var fitted = new double[n];
        Array.Fill(fitted, baseValue);
        var residuals = new double[n];
        var random = new Random(options.Seed);
        var grower = new RegressionTreeGrower(binned, options);
        var sampleSize = Math.Max(1, (int)Math.Round(n * Math.Clamp(options.RowSubsample, 0.01, 1.0)));
        var featureSample = Math.Max(1, (int)Math.Round(binned.FeatureCount * Math.Clamp(options.FeatureSubsample, 0.01, 1.0)));
        var rowOrder = Enumerable.Range(0, n).ToArray();
        var featureOrder = Enumerable.Range(0, binned.FeatureCount).ToArray();
        var trees = new RegressionTree[options.Trees];

        for (var t = 0; t < options.Trees; t++)
        {
            for (var i = 0; i < n; i++) residuals[i] = targets[i] - fitted[i];
            PartialShuffle(rowOrder, sampleSize, random);
            PartialShuffle(featureOrder, featureSample, random);
            var sampleRows = rowOrder.AsSpan(0, sampleSize).ToArray();
            var allowed = new bool[binned.FeatureCount];
            for (var f = 0; f < featureSample; f++) allowed[featureOrder[f]] = true;

            var tree = grower.Grow(sampleRows, residuals, allowed);
            trees[t] = tree;
            for (var i = 0; i < n; i++) fitted[i] += tree.PredictBinned(binned, i);
        }

        return new GradientBoostedRegressor(baseValue, trees, binned.FeatureCount);
    }

    /// <summary>Predicts the target for one feature vector.</summary>
    public double Predict(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        var sum = _baseValue;
        foreach (var tree in _trees) sum += tree.Predict(features);
        return sum;
    }

    // Only the first `count` slots are drawn, which is all a subsample needs: O(count), not O(n).
    private static void PartialShuffle(int[] items, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, items.Length);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
