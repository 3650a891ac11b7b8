namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// A lock-free histogram of latencies in milliseconds with log-spaced buckets (about 5 % wide, from 0.01 ms to
/// about 10 minutes), so percentiles can be read at any time without keeping samples. Fixed size whatever the load.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 0.01;
    private const double Growth = 1.05;
    private const int BucketCount = 370;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Records one latency.</summary>
    public void Record(double milliseconds)
    {
        var index = milliseconds <= Smallest ? 0 : (int)Math.Ceiling(Math.Log(milliseconds / Smallest) / LogGrowth);
        Interlocked.Increment(ref _counts[Math.Clamp(index, 0, BucketCount - 1)]);
    }

    /// <summary>The upper bound of a bucket, in milliseconds.</summary>
    public static double UpperBound(int bucket) => Smallest * Math.Pow(Growth, bucket);

    /// <summary>A copy of the bucket counts.</summary>
    public long[] Counts()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++) copy[i] = Volatile.Read(ref _counts[i]);
        return copy;
    }

    /// <summary>
    /// The latency below which <paramref name="quantile"/> of the recorded values lie (the bucket's upper bound),
    /// computed over <paramref name="counts"/>; null when nothing was recorded.
    /// </summary>
    public static double? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank) return Math.Round(UpperBound(i), 3);
        }
        return Math.Round(UpperBound(counts.Count - 1), 3);
    }
}
