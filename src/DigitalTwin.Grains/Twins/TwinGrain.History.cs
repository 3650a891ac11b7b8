using DigitalTwin.Abstractions.Telemetry;
using System.Globalization;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.History;
using DigitalTwin.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    private readonly ShadowHistory _shadowHistory = new();
    private List<(string Metric, BucketState Bucket)> _flushing = [];
    private long _flushGeneration;

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryBucket>> GetHistoryAsync(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        _ = Spec;
        if (!MetricNames.IsValid(metric)) throw new ArgumentException($"'{metric}' is not a valid metric name.", nameof(metric));
        if (to <= from) return [];
        var days = HistoryKeys.DaysIn(from, to).ToArray();
        if (days.Length > Options.MaxHistoryQueryDays)
        {
            throw new ArgumentException($"A history query may span at most {Options.MaxHistoryQueryDays} days; this one spans {days.Length}.");
        }

        // Take what is in memory before awaiting, so an interleaved checkpoint cannot move a bucket past both reads;
        // if a flush started or finished meanwhile, its buckets may sit both in that copy and in storage, so read again.
        for (var attempt = 0; ; attempt++)
        {
            var generation = _flushGeneration;
            var buckets = await ReadHistoryAsync(metric, from, to, days);
            if (generation == _flushGeneration || attempt == 3) return buckets;
        }
    }

    private async Task<IReadOnlyList<HistoryBucket>> ReadHistoryAsync(string metric, DateTimeOffset from, DateTimeOffset to, DateOnly[] days)
    {
        var merged = new SortedDictionary<DateTimeOffset, BucketState>();
        void Merge(BucketState bucket)
        {
            if (bucket.Start < from || bucket.Start >= to) return;
            if (merged.TryGetValue(bucket.Start, out var held)) held.Merge(bucket);
            else merged[bucket.Start] = Copy(bucket);
        }
        foreach (var (m, bucket) in _flushing) if (m == metric) Merge(bucket);
        if (State.OpenBuckets.TryGetValue(metric, out var open)) foreach (var bucket in open) Merge(bucket);

        if (Key.IsShadow)
        {
            foreach (var bucket in _shadowHistory.Get(metric, from, to)) Merge(bucket);
        }
        else
        {
            var stored = await Task.WhenAll(days.Select(day =>
                GrainFactory.GetGrain<IMetricHistoryGrain>(HistoryKeys.For(Key, metric, day)).GetAsync(from, to)));
            foreach (var bucket in stored.SelectMany(s => s)) Merge(BucketState.From(bucket));
        }
        return merged.Values.Select(b => b.ToBucket()).ToArray();
    }

    /// <summary>
    /// Moves closed buckets to durable history, one call per metric and day, in parallel. Buckets that could not
    /// be stored go back to the open set, which is part of the state, so nothing is lost.
    /// </summary>
    private async Task FlushHistoryAsync()
    {
        var now = Clock.GetUtcNow();
        var closed = Ledger.TakeClosed(State, now);
        if (Key.IsShadow)
        {
            _shadowHistory.Add(closed);
            return;
        }
        await PurgeExpiredHistoryAsync(now);
        if (closed.Count == 0) return;
        _flushing = closed;
        _flushGeneration++;
        var failed = new List<(string, BucketState)>();
        try
        {
            await Task.WhenAll(closed.GroupBy(c => (c.Metric, Day: HistoryKeys.DayOf(c.Bucket.Start))).Select(async group =>
            {
                try
                {
                    var grain = GrainFactory.GetGrain<IMetricHistoryGrain>(HistoryKeys.For(Key, group.Key.Metric, group.Key.Day));
                    await grain.AppendAsync(group.Select(c => c.Bucket.ToBucket()).ToArray());
                }
                catch (Exception error)
                {
                    Logger.LogWarning(error, "Twin {Twin} could not store history of {Metric}", Key, group.Key.Metric);
                    failed.AddRange(group);
                }
            }));
        }
        finally
        {
            _flushing = [];
            _flushGeneration++;
        }
        if (failed.Count == 0) return;
        Ledger.Restore(State, failed);
        StateChanged = true;
    }

    /// <summary>
    /// Once per UTC day, deletes the day that just left the retention period, for every metric the twin tracks,
    /// so durable history stays bounded.
    /// </summary>
    private async Task PurgeExpiredHistoryAsync(DateTimeOffset now)
    {
        var expired = HistoryKeys.DayOf(now).AddDays(-Options.HistoryRetentionDays);
        var stamp = DayStamp(expired);
        if (State.HistoryPurgedThrough >= stamp) return;
        if (State.HistoryStartedOn == 0) State.HistoryStartedOn = DayStamp(HistoryKeys.DayOf(now));
        if (State.HistoryStartedOn > stamp)
        {
            State.HistoryPurgedThrough = stamp;
            return;
        }
        await Task.WhenAll(State.Latest.Keys.Select(metric =>
            GrainFactory.GetGrain<IMetricHistoryGrain>(HistoryKeys.For(Key, metric, expired)).ClearAsync()));
        State.HistoryPurgedThrough = stamp;
    }

    private static int DayStamp(DateOnly day) =>
        int.Parse(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static BucketState Copy(BucketState b) =>
        new() { Start = b.Start, Min = b.Min, Max = b.Max, Sum = b.Sum, Count = b.Count };
}
