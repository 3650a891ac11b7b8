namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Grows one least-squares tree on binned features by exhaustive search over bin boundaries. After a split only the
/// smaller child's histograms are counted; the larger child's are the parent's minus the smaller's, which halves the
/// work where it is spent.
/// </summary>
internal sealed class RegressionTreeGrower
{
    // Histograms dominate training time, so large nodes spread features over the cores.
    private const int ParallelRowThreshold = 4096;

    private readonly BinnedFeatures _binned;
    private readonly GradientBoostingOptions _options;
    private readonly int _stride;
    // One histogram pair (left child, right child) per depth: depth-first growth needs no more than that at once.
    private readonly Histogram[] _left;
    private readonly Histogram[] _right;
    private readonly Histogram _root;

    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _binThreshold = [];
    private readonly List<int> _leftChild = [];
    private readonly List<int> _rightChild = [];
    private readonly List<double> _value = [];

    public RegressionTreeGrower(BinnedFeatures binned, GradientBoostingOptions options)
    {
        _binned = binned;
        _options = options;
        _stride = Enumerable.Range(0, binned.FeatureCount).Max(binned.BinCount);
        var size = binned.FeatureCount * _stride;
        _root = new Histogram(size);
        _left = Enumerable.Range(0, options.MaxDepth + 1).Select(_ => new Histogram(size)).ToArray();
        _right = Enumerable.Range(0, options.MaxDepth + 1).Select(_ => new Histogram(size)).ToArray();
    }

    public RegressionTree Grow(int[] rows, double[] residuals, bool[] allowedFeatures)
    {
        _feature.Clear(); _threshold.Clear(); _binThreshold.Clear(); _leftChild.Clear(); _rightChild.Clear(); _value.Clear();
        Count(_root, rows, 0, rows.Length, residuals, allowedFeatures);
        var total = 0.0;
        foreach (var row in rows) total += residuals[row];
        GrowNode(rows, 0, rows.Length, 0, total, _root, residuals, allowedFeatures);
        return new RegressionTree(_feature.ToArray(), _threshold.ToArray(), _binThreshold.ToArray(), _leftChild.ToArray(), _rightChild.ToArray(), _value.ToArray());
    }

    private int GrowNode(int[] rows, int start, int end, int depth, double total, Histogram histogram, double[] residuals, bool[] allowed)
    {
        var node = AddLeaf();
        var count = end - start;
        _value[node] = _options.LearningRate * total / (count + _options.L2);

        if (depth >= _options.MaxDepth || count < 2 * _options.MinRowsPerLeaf) return node;
        var split = FindSplit(histogram, count, total, allowed);
        if (split.Feature < 0) return node;

        var bins = _binned.Bins[split.Feature];
        var middle = start;
        var leftTotal = 0.0;
        for (var i = start; i < end; i++)
        {
            if (bins[rows[i]] <= split.Bin)
            {
                leftTotal += residuals[rows[i]];
                (rows[middle], rows[i]) = (rows[i], rows[middle]);
                middle++;
            }
        }

        var left = _left[depth + 1];
        var right = _right[depth + 1];
        if (depth + 1 < _options.MaxDepth)
        {
            // Children at the maximum depth become leaves and need no histograms.
            var (small, large) = middle - start <= end - middle ? (left, right) : (right, left);
            var (smallStart, smallEnd) = ReferenceEquals(small, left) ? (start, middle) : (middle, end);
            Count(small, rows, smallStart, smallEnd, residuals, allowed);
            large.SetDifference(histogram, small);
        }

        _feature[node] = split.Feature;
        _binThreshold[node] = split.Bin;
        _threshold[node] = _binned.Edges[split.Feature][split.Bin];
        var leftNode = GrowNode(rows, start, middle, depth + 1, leftTotal, left, residuals, allowed);
        var rightNode = GrowNode(rows, middle, end, depth + 1, total - leftTotal, right, residuals, allowed);
        _leftChild[node] = leftNode;
        _rightChild[node] = rightNode;
        return node;
    }

    private int AddLeaf()
    {
        _feature.Add(-1); _threshold.Add(0); _binThreshold.Add(0); _leftChild.Add(-1); _rightChild.Add(-1); _value.Add(0);
        return _feature.Count - 1;
    }

    private void Count(Histogram histogram, int[] rows, int start, int end, double[] residuals, bool[] allowed)
    {
        void CountFeature(int f)
        {
            var offset = f * _stride;
            Array.Clear(histogram.Sums, offset, _stride);
            Array.Clear(histogram.Counts, offset, _stride);
            if (!allowed[f]) return;
            var bins = _binned.Bins[f];
            var sums = histogram.Sums;
            var counts = histogram.Counts;
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var slot = offset + bins[row];
                sums[slot] += residuals[row];
                counts[slot]++;
            }
        }

        if (end - start >= ParallelRowThreshold) Parallel.For(0, _binned.FeatureCount, CountFeature);
        else for (var f = 0; f < _binned.FeatureCount; f++) CountFeature(f);
    }

    private Split FindSplit(Histogram histogram, int count, double total, bool[] allowed)
    {
        var parentScore = total * total / (count + _options.L2);
        // Ties go to the lowest feature index and bin, so the tree never depends on thread scheduling.
        var best = new Split(-1, 0, 1e-12);
        for (var f = 0; f < _binned.FeatureCount; f++)
        {
            if (!allowed[f]) continue;
            var offset = f * _stride;
            var binCount = _binned.BinCount(f);
            var leftSum = 0.0;
            var leftCount = 0;
            for (var b = 0; b < binCount - 1; b++)
            {
                leftSum += histogram.Sums[offset + b];
                leftCount += histogram.Counts[offset + b];
                var rightCount = count - leftCount;
                if (leftCount < _options.MinRowsPerLeaf) continue;
                if (rightCount < _options.MinRowsPerLeaf) break;
                var rightSum = total - leftSum;
                var gain = leftSum * leftSum / (leftCount + _options.L2) + rightSum * rightSum / (rightCount + _options.L2) - parentScore;
                if (gain > best.Gain) best = new Split(f, b, gain);
            }
        }
        return best;
    }

    private readonly record struct Split(int Feature, int Bin, double Gain);

    /// <summary>Residual sums and row counts per (feature, bin), feature-major.</summary>
    private sealed class Histogram(int size)
    {
        public double[] Sums { get; } = new double[size];

        public int[] Counts { get; } = new int[size];

        public void SetDifference(Histogram parent, Histogram child)
        {
            for (var i = 0; i < Sums.Length; i++)
            {
                Sums[i] = parent.Sums[i] - child.Sums[i];
                Counts[i] = parent.Counts[i] - child.Counts[i];
            }
        }
    }
}
