using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Telemetry;

namespace DigitalTwin.Grains.History;

/// <summary>
/// One day of one metric of one live twin. Buckets outside the key's day are ignored, which bounds the state at 1440.
/// It leaves memory once an append is written: the twin holds the open minutes and appends about once a minute per
/// metric, so keeping the day in memory between appends would hold one activation per metric name a device ever sent
/// (the fuzz's junk names made 12,800) for the whole idle age; a read keeps it for the usual idle age.
/// </summary>
public sealed class MetricHistoryGrain(
    [PersistentState(TwinStorage.States.History, TwinStorage.Name)] IPersistentState<HistoryState> state)
    : Grain, IMetricHistoryGrain
{
    private DateOnly Day => HistoryKeys.DayOfKey(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<HistoryBucket> buckets)
    {
        var day = Day;
        var stored = state.State.Buckets;
        // What each merge replaced, so a write that fails leaves memory as it was: the twin keeps the buckets and
        // appends them again later, and they must not be counted twice.
        var undo = new List<(BucketState Bucket, BucketState? Before)>();
        foreach (var bucket in buckets)
        {
            if (HistoryKeys.DayOf(bucket.Start) != day || bucket.Count <= 0) continue;
            var incoming = BucketState.From(bucket);
            var at = stored.BinarySearch(incoming, StartOrder.Instance);
            if (at >= 0)
            {
                undo.Add((stored[at], Copy(stored[at])));
                stored[at].Merge(incoming);
            }
            else
            {
                stored.Insert(~at, incoming);
                undo.Add((incoming, null));
            }
        }
        if (undo.Count == 0) return;
        try
        {
            await state.WriteStateAsync();
            DeactivateOnIdle();
        }
        catch
        {
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                var (bucket, before) = undo[i];
                if (before is null) stored.Remove(bucket);
                else (bucket.Min, bucket.Max, bucket.Sum, bucket.Count) = (before.Min, before.Max, before.Sum, before.Count);
            }
            throw;
        }
    }

    private static BucketState Copy(BucketState b) => new() { Start = b.Start, Min = b.Min, Max = b.Max, Sum = b.Sum, Count = b.Count };

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryBucket>> GetAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<HistoryBucket>>(state.State.Buckets
            .Where(b => b.Start >= from && b.Start < to)
            .Select(b => b.ToBucket())
            .ToArray());

    /// <inheritdoc />
    public async Task ClearAsync()
    {
        await state.ClearStateAsync();
        state.State = new HistoryState();
        DeactivateOnIdle();
    }

    private sealed class StartOrder : IComparer<BucketState>
    {
        public static readonly StartOrder Instance = new();
        public int Compare(BucketState? x, BucketState? y) => Nullable.Compare(x?.Start, y?.Start);
    }
}
