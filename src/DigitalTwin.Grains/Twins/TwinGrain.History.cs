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
    private Task _historyFlush = Task.CompletedTask;
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

        // A checkpoint moves closed buckets from memory to the history grains while reads interleave. Read only when
        // no flush is on its way (its buckets may or may not have reached storage yet, whatever its continuation has
        // said so far), and read again if one started meanwhile: a bucket is then counted once, never twice or not at all.
        while (true)
        {
            if (!_historyFlush.IsCompleted)
            {
                // The checkpoint reports its own failure; a read only needs it to be over.
                await _historyFlush.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                continue;
            }
            var generation = _flushGeneration;
            var buckets = await ReadHistoryAsync(metric, from, to, days);
            if (generation == _flushGeneration) return buckets;
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
    /// be stored go back to the open set, which is part of the state, so nothing is lost. History reads wait for it.
    /// </summary>
    private Task FlushHistoryAsync()
    {
        _flushGeneration++;
        return _historyFlush = FlushClosedHistoryAsync();
    }

    private async Task FlushClosedHistoryAsync()
    {
        var now = Clock.GetUtcNow();
        // Purge before taking the closed buckets out of the state: if storage is down it throws with them still there.
        if (!Key.IsShadow) await PurgeExpiredHistoryAsync(now);
        // Closed buckets wait in the state until the oldest is HistoryFlushAge old, then move together (reads merge them).
        if (!Key.IsShadow && !Ledger.HasClosedBefore(State, now, Options.HistoryFlushAge)) return;
        var closed = Ledger.TakeClosed(State, now);
        if (Key.IsShadow)
        {
            _shadowHistory.Add(closed);
            return;
        }
        if (closed.Count == 0) return;
        var failed = new List<(string, BucketState)>();
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
