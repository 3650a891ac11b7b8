namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Turns a unit's history up to a cycle into a fixed-length feature vector. Channels that track wear are picked from
/// training data and standardised; a health index (their sign-aligned average) is added as one more channel because
/// averaging many noisy sensors reads wear more steadily than any one of them. Per channel it takes the short- and
/// long-window means, the long-window slope, and the drift since the unit's first cycles (units start with different
/// wear, so the change says more than the level). The last feature is the number of cycles seen.
/// </summary>
internal sealed class DegradationFeatures
{
    private const int FeaturesPerChannel = 4;

    private readonly int[] _channels;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[] _healthSign;
    private readonly int _shortWindow;
    private readonly int _longWindow;

    private DegradationFeatures(int channelCount, int[] channels, double[] mean, double[] scale, double[] healthSign, int shortWindow, int longWindow)
    {
        ChannelCount = channelCount;
        _channels = channels;
        _mean = mean;
        _scale = scale;
        _healthSign = healthSign;
        _shortWindow = shortWindow;
        _longWindow = longWindow;
    }

    /// <summary>Channels a history must have.</summary>
    public int ChannelCount { get; }

    /// <summary>Indices of the channels the features are built from.</summary>
    public IReadOnlyList<int> Channels => _channels;

    public int FeatureCount => (_channels.Length + 1) * FeaturesPerChannel + 1;

    /// <summary>Picks and standardises the channels that correlate with the capped remaining life.</summary>
    public static DegradationFeatures Fit(IReadOnlyList<UnitHistory> runs, RemainingLifeOptions options)
    {
        var width = runs[0].ChannelCount;
        var n = 0;
        var sumY = 0.0;
        var sumYy = 0.0;
        var sumX = new double[width];
        var sumXx = new double[width];
        var sumXy = new double[width];
        foreach (var run in runs)
        {
            if (run.ChannelCount != width) throw new ArgumentException($"Unit {run.UnitId} has {run.ChannelCount} channels, expected {width}.", nameof(runs));
            var life = run.Cycles.Count;
            for (var i = 0; i < life; i++)
            {
                var y = Math.Min(life - 1 - i, options.RulCap);
                n++;
                sumY += y;
                sumYy += y * y;
                var row = run.Cycles[i];
                for (var c = 0; c < width; c++)
                {
                    sumX[c] += row[c];
                    sumXx[c] += row[c] * row[c];
                    sumXy[c] += row[c] * y;
                }
            }
        }

        var varY = sumYy / n - (sumY / n) * (sumY / n);
        var channels = new List<int>();
        var mean = new List<double>();
        var scale = new List<double>();
        var sign = new List<double>();
        for (var c = 0; c < width; c++)
        {
            var meanX = sumX[c] / n;
            var varX = sumXx[c] / n - meanX * meanX;
            // Relative floor: a sensor that only shows rounding jitter is constant for our purpose.
            if (varX <= 1e-12 * Math.Max(1.0, meanX * meanX) || varY <= 0) continue;
            var correlation = (sumXy[c] / n - meanX * sumY / n) / Math.Sqrt(varX * varY);
            if (Math.Abs(correlation) < options.MinChannelCorrelation) continue;
            channels.Add(c);
            mean.Add(meanX);
            scale.Add(Math.Sqrt(varX));
            // Remaining life falls as wear grows, so a negative correlation means "rises with wear".
            sign.Add(correlation < 0 ? 1.0 : -1.0);
        }
        if (channels.Count == 0)
            throw new ArgumentException($"No channel correlates with remaining life (|r| >= {options.MinChannelCorrelation}); nothing to learn from.", nameof(runs));

        return new DegradationFeatures(width, channels.ToArray(), mean.ToArray(), scale.ToArray(), sign.ToArray(), options.ShortWindow, options.LongWindow);
    }

    /// <summary>Standardises a history once so that features at any of its cycles cost O(channels).</summary>
    public PreparedHistory Prepare(IReadOnlyList<double[]> cycles)
    {
        var length = cycles.Count;
        var series = _channels.Length + 1;
        var prefix = new double[series][];
        var weighted = new double[series][];
        for (var s = 0; s < series; s++)
        {
            prefix[s] = new double[length + 1];
            weighted[s] = new double[length + 1];
        }
        for (var i = 0; i < length; i++)
        {
            var row = cycles[i];
            if (row.Length != ChannelCount) throw new ArgumentException($"Cycle {i + 1} has {row.Length} channels, expected {ChannelCount}.", nameof(cycles));
            var health = 0.0;
            for (var k = 0; k < _channels.Length; k++)
            {
                var z = (row[_channels[k]] - _mean[k]) / _scale[k];
                health += _healthSign[k] * z;
                Accumulate(prefix[k], weighted[k], i, z);
            }
            Accumulate(prefix[_channels.Length], weighted[_channels.Length], i, health / _channels.Length);
        }
        return new PreparedHistory(length, prefix, weighted);
    }

    /// <summary>Writes the features of the history as it stood at cycle index <paramref name="index"/> (0-based).</summary>
    public void Extract(PreparedHistory history, int index, Span<double> features)
    {
        var end = index + 1;
        var shortStart = Math.Max(0, end - _shortWindow);
        var longStart = Math.Max(0, end - _longWindow);
        var baselineEnd = Math.Min(end, _longWindow);
        var f = 0;
        for (var s = 0; s < history.Prefix.Length; s++)
        {
            var prefix = history.Prefix[s];
            var longMean = Mean(prefix, longStart, end);
            features[f++] = Mean(prefix, shortStart, end);
            features[f++] = longMean;
            features[f++] = Slope(prefix, history.Weighted[s], longStart, end);
            features[f++] = longMean - Mean(prefix, 0, baselineEnd);
        }
        features[f] = end;
    }

    private static void Accumulate(double[] prefix, double[] weighted, int i, double value)
    {
        prefix[i + 1] = prefix[i] + value;
        weighted[i + 1] = weighted[i] + i * value;
    }

    private static double Mean(double[] prefix, int start, int end) => (prefix[end] - prefix[start]) / (end - start);

    // Least-squares slope per cycle over [start, end), from running sums of x and i·x.
    private static double Slope(double[] prefix, double[] weighted, int start, int end)
    {
        var n = end - start;
        if (n < 2) return 0;
        var sumX = prefix[end] - prefix[start];
        var sumIx = weighted[end] - weighted[start];
        var meanI = (start + end - 1) / 2.0;
        var spread = n * ((double)n * n - 1) / 12.0;
        return (sumIx - meanI * sumX) / spread;
    }

    /// <summary>A history's standardised channels as running sums (of x and of i·x) for O(1) window statistics.</summary>
    internal sealed record PreparedHistory(int Length, double[][] Prefix, double[][] Weighted);
}
