using DigitalTwin.Grains.Telemetry;

namespace DigitalTwin.Grains.History;

/// <summary>
/// The history of a shadow twin, kept in memory only (a what-if run must never write storage), bounded to one day
/// of buckets per metric.
/// </summary>
public sealed class ShadowHistory
{
    private const int MaxBucketsPerMetric = 1440;
    private readonly Dictionary<string, SortedList<DateTimeOffset, BucketState>> _metrics = new(StringComparer.Ordinal);

    /// <summary>Merges flushed buckets.</summary>
    public void Add(IEnumerable<(string Metric, BucketState Bucket)> buckets)
    {
        foreach (var (metric, bucket) in buckets)
        {
            if (!_metrics.TryGetValue(metric, out var list)) _metrics[metric] = list = [];
            if (list.TryGetValue(bucket.Start, out var held)) held.Merge(bucket);
            else list.Add(bucket.Start, bucket);
            if (list.Count > MaxBucketsPerMetric) list.RemoveAt(0);
        }
    }

    /// <summary>The buckets of a metric starting in [from, to).</summary>
    public IEnumerable<BucketState> Get(string metric, DateTimeOffset from, DateTimeOffset to) =>
        _metrics.TryGetValue(metric, out var list) ? list.Values.Where(b => b.Start >= from && b.Start < to) : [];
}
