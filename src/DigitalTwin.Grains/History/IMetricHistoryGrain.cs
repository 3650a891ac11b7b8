using DigitalTwin.Abstractions.Twins;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.History;

/// <summary>
/// The durable one-minute history of one metric of one live twin on one UTC day, keyed by
/// <see cref="HistoryKeys.For"/>. Written by the twin on its checkpoint cadence, read by the twin's history queries.
/// </summary>
[Alias("dt.grains.IMetricHistoryGrain")]
public interface IMetricHistoryGrain : IGrainWithStringKey
{
    /// <summary>Merges buckets of this day into the stored ones (a bucket for a minute already stored is combined with it).</summary>
    [Alias("Append")]
    Task AppendAsync(IReadOnlyList<HistoryBucket> buckets);

    /// <summary>The stored buckets starting in [from, to), oldest first.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<IReadOnlyList<HistoryBucket>> GetAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Deletes the day (retention).</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
