namespace DigitalTwin.Models.RemainingLife;

/// <summary>Grows one least-squares tree on binned features by exhaustive search over bin boundaries.</summary>
internal sealed class RegressionTreeGrower(BinnedFeatures binned, GradientBoostingOptions options)
{
    // Histograms are cheap to build but dominate training time, so large nodes spread features over the cores.
    private const int ParallelRowThreshold = 4096;

    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _binThreshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _value = [];

    public RegressionTree Grow(int[] rows, double[] residuals, bool[] allowedFeatures)
    {
        _feature.Clear(); _threshold.Clear(); _binThreshold.Clear(); _left.Clear(); _right.Clear(); _value.Clear();
        GrowNode(rows, 0, rows.Length, 0, residuals, allowedFeatures);
        return new RegressionTree(_feature.ToArray(), _threshold.ToArray(), _binThreshold.ToArray(), _left.ToArray(), _right.ToArray(), _value.ToArray());
    }

    private int GrowNode(int[] rows, int start, int end, int depth, double[] residuals, bool[] allowed)
    {
        var node = AddLeaf();
        var count = end - start;
        var total = 0.0;
        for (var i = start; i < end; i++) total += residuals[rows[i]];
        _value[node] = options.LearningRate * total / (count + options.L2);

        if (depth >= options.MaxDepth || count < 2 * options.MinRowsPerLeaf) return node;
        var split = FindSplit(rows, start, end, total, residuals, allowed);
        if (split.Feature < 0) return node;

        var bins = binned.Bins[split.Feature];
        var middle = start;
        for (var i = start; i < end; i++)
        {
            if (bins[rows[i]] <= split.Bin)
            {
                (rows[middle], rows[i]) = (rows[i], rows[middle]);
                middle++;
            }
        }

        _feature[node] = split.Feature;
        _binThreshold[node] = split.Bin;
        _threshold[node] = binned.Edges[split.Feature][split.Bin];
        var leftChild = GrowNode(rows, start, middle, depth + 1, residuals, allowed);
        var rightChild = GrowNode(rows, middle, end, depth + 1, residuals, allowed);
        _left[node] = leftChild;
        _right[node] = rightChild;
        return node;
    }

    private int AddLeaf()
    {
        _feature.Add(-1); _threshold.Add(0); _binThreshold.Add(0); _left.Add(-1); _right.Add(-1); _value.Add(0);
        return _feature.Count - 1;
    }

    private Split FindSplit(int[] rows, int start, int end, double total, double[] residuals, bool[] allowed)
    {
        var count = end - start;
        var parentScore = total * total / (count + options.L2);
        var candidates = new Split[binned.FeatureCount];

        void Search(int f)
        {
            candidates[f] = new Split(-1, 0, 0);
            if (!allowed[f]) return;
            var binCount = binned.BinCount(f);
            if (binCount < 2) return;
            Span<double> sums = stackalloc double[binCount];
            Span<int> counts = stackalloc int[binCount];
            var bins = binned.Bins[f];
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var b = bins[row];
                sums[b] += residuals[row];
                counts[b]++;
            }
            var leftSum = 0.0;
            var leftCount = 0;
            var best = new Split(-1, 0, 0);
            for (var b = 0; b < binCount - 1; b++)
            {
                leftSum += sums[b];
                leftCount += counts[b];
                var rightCount = count - leftCount;
                if (leftCount < options.MinRowsPerLeaf) continue;
                if (rightCount < options.MinRowsPerLeaf) break;
                var rightSum = total - leftSum;
                var gain = leftSum * leftSum / (leftCount + options.L2) + rightSum * rightSum / (rightCount + options.L2) - parentScore;
                if (gain > best.Gain) best = new Split(f, b, gain);
            }
            candidates[f] = best;
        }

        if (count >= ParallelRowThreshold) Parallel.For(0, binned.FeatureCount, Search);
        else for (var f = 0; f < binned.FeatureCount; f++) Search(f);

        // Ties go to the lowest feature index, so the result does not depend on thread scheduling.
        var chosen = new Split(-1, 0, 1e-12);
        foreach (var candidate in candidates)
        {
            if (candidate.Feature >= 0 && candidate.Gain > chosen.Gain) chosen = candidate;
        }
        return chosen;
    }

    private readonly record struct Split(int Feature, int Bin, double Gain);
}
