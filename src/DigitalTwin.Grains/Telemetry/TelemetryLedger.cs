using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>
/// Applies readings to a twin's state: validates each one, keeps the latest value per metric, a bounded recent
/// window, and one-minute history buckets until they are flushed. Plain code, no grain calls, no storage: the
/// hot path of every reading.
/// A metric the twin's topology does not declare (see <see cref="MetricDeclarations"/>) is on probation for
/// <see cref="TwinOptions.UndeclaredMetricProbation"/> after its first reading in this activation: it keeps its latest
/// value and history, but only a short window and no detectors, so junk names a device sends cost little; at most
/// <see cref="TwinOptions.MaxUndeclaredMetricsPerTwin"/> of them are accepted at all.
/// </summary>
public sealed class TelemetryLedger(TwinOptions options)
{
    private readonly Dictionary<string, MetricRing> _windows = new(StringComparer.Ordinal);
    // Undeclared metrics still on probation, with when (silo time) this activation first took a reading of each.
    private readonly Dictionary<string, DateTimeOffset> _probation = new(StringComparer.Ordinal);
    private int _windowPoints;

    /// <summary>The most open buckets one metric keeps while history cannot be written: one per minute of the accepted reading age, plus an hour.</summary>
    private int MaxOpenBuckets => (int)Math.Min(int.MaxValue - 60, options.MaxReadingAge.TotalMinutes) + 60;

    /// <summary>
    /// Applies <paramref name="readings"/>. Readings older than a metric's latest value still go to history but
    /// do not replace the latest value. <paramref name="applied"/> is called for each accepted reading, in order.
    /// <paramref name="declared"/> tells the metrics the twin's topology declares (null: every metric counts as declared).
    /// </summary>
    public IngestResult Apply(TwinState state, IReadOnlyList<Reading> readings, DateTimeOffset now, Action<Reading, bool>? applied = null,
        Func<string, bool>? declared = null)
    {
        var count = 0;
        List<ReadingRejection>? rejected = null;
        var undeclared = -1; // counted once per call, and only when a new name arrives
        foreach (var reading in readings)
        {
            var refusal = Check(state, reading, now, declared, ref undeclared);
            if (refusal is not null)
            {
                (rejected ??= []).Add(refusal);
                continue;
            }
            var isLatest = Record(state, reading, now, declared);
            applied?.Invoke(reading, isLatest);
            count++;
        }
        return rejected is null ? IngestResult.AllApplied(count) : new IngestResult(count, rejected);
    }

    /// <summary>Sets a metric's latest value outside telemetry (for example an acknowledged setpoint). False when the metric bound is reached.</summary>
    public bool SetLatest(TwinState state, string metric, double value, DateTimeOffset now)
    {
        if (!MetricNames.IsValid(metric) || !double.IsFinite(value)) return false;
        if (!state.Latest.ContainsKey(metric) && state.Latest.Count >= options.MaxMetricsPerTwin) return false;
        Record(state, new Reading(metric, value, now), now, declared: null);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="metric"/> is an undeclared metric still on probation: it gets no anomaly or stuck-sensor
    /// detector and keeps at most <see cref="TwinOptions.ProbationWindowSize"/> recent points.
    /// </summary>
    public bool OnProbation(string metric) => _probation.ContainsKey(metric);

    /// <summary>The recent window of a metric, oldest first; empty when the metric is unknown.</summary>
    public MetricWindow Window(string metric) =>
        new(metric, _windows.TryGetValue(metric, out var ring) ? ring.ToList() : []);

    /// <summary>Whether a bucket closed (its minute ended more than the grace ago) at least <paramref name="age"/> before <paramref name="now"/>.</summary>
    public bool HasClosedBefore(TwinState state, DateTimeOffset now, TimeSpan age)
    {
        var cutoff = now - options.HistoryGrace - TimeSpan.FromMinutes(1) - age;
        return state.OpenBuckets.Values.Any(buckets => buckets.Count > 0 && buckets[0].Start <= cutoff);
    }

    /// <summary>
    /// Removes and returns the buckets whose minute ended more than <see cref="TwinOptions.HistoryGrace"/> ago.
    /// If the caller cannot store them it gives them back with <see cref="Restore"/>.
    /// </summary>
    public List<(string Metric, BucketState Bucket)> TakeClosed(TwinState state, DateTimeOffset now)
    {
        var closed = new List<(string, BucketState)>();
        var cutoff = now - options.HistoryGrace - TimeSpan.FromMinutes(1);
        foreach (var (metric, buckets) in state.OpenBuckets)
        {
            var n = 0;
            while (n < buckets.Count && buckets[n].Start <= cutoff) n++;
            if (n == 0) continue;
            for (var i = 0; i < n; i++) closed.Add((metric, buckets[i]));
            buckets.RemoveRange(0, n);
        }
        foreach (var metric in state.OpenBuckets.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
        {
            state.OpenBuckets.Remove(metric);
        }
        return closed;
    }

    /// <summary>Puts buckets back that could not be flushed, merging with any that arrived meanwhile.</summary>
    public void Restore(TwinState state, IEnumerable<(string Metric, BucketState Bucket)> buckets)
    {
        foreach (var (metric, bucket) in buckets) MergeBucket(state, metric, bucket);
    }

    /// <summary>The open (unflushed) buckets of a metric as history buckets.</summary>
    public static IEnumerable<HistoryBucket> OpenHistory(TwinState state, string metric) =>
        state.OpenBuckets.TryGetValue(metric, out var buckets) ? buckets.Select(b => b.ToBucket()) : [];

    private ReadingRejection? Check(TwinState state, Reading reading, DateTimeOffset now, Func<string, bool>? declared, ref int undeclared)
    {
        if (!MetricNames.IsValid(reading.Metric))
        {
            return new(reading.Metric ?? "", RejectionReasons.BadMetricName,
                $"Metric names are 1-{MetricNames.MaxLength} letters, digits, '_', '.', '-' or ':', starting with a letter.");
        }
        if (!double.IsFinite(reading.Value))
        {
            return new(reading.Metric, RejectionReasons.NotFinite, $"Value {reading.Value} is not a finite number.");
        }
        if (reading.Timestamp > now + options.MaxClockSkew)
        {
            return new(reading.Metric, RejectionReasons.FutureTimestamp,
                $"Timestamp {reading.Timestamp:O} is more than {options.MaxClockSkew} ahead of the twin's clock.");
        }
        if (reading.Timestamp < now - options.MaxReadingAge)
        {
            return new(reading.Metric, RejectionReasons.StaleTimestamp,
                $"Timestamp {reading.Timestamp:O} is older than {options.MaxReadingAge}.");
        }
        if (!state.Latest.ContainsKey(reading.Metric) && state.Latest.Count >= options.MaxMetricsPerTwin)
        {
            return new(reading.Metric, RejectionReasons.TooManyMetrics,
                $"The twin already tracks {options.MaxMetricsPerTwin} metrics.");
        }
        if (declared is not null && !state.Latest.ContainsKey(reading.Metric) && !declared(reading.Metric))
        {
            if (undeclared < 0) undeclared = state.Latest.Keys.Count(metric => !declared(metric));
            if (undeclared >= options.MaxUndeclaredMetricsPerTwin)
            {
                return new(reading.Metric, RejectionReasons.TooManyMetrics,
                    $"The twin already tracks {options.MaxUndeclaredMetricsPerTwin} metrics its topology does not declare (no limit, rating or wear signal names them).");
            }
            undeclared++;
        }
        return null;
    }

    private bool Record(TwinState state, Reading reading, DateTimeOffset now, Func<string, bool>? declared)
    {
        var isLatest = !state.Latest.TryGetValue(reading.Metric, out var latest) || reading.Timestamp >= latest.Timestamp;
        if (isLatest) state.Latest[reading.Metric] = new MetricValue(reading.Value, reading.Timestamp, now);

        if (!_windows.TryGetValue(reading.Metric, out var ring))
        {
            // An undeclared name starts on probation with a short window (a junk name a device sent a few times
            // costs a few points); one that keeps coming for the probation period earns the full window.
            var probation = declared is not null && !declared(reading.Metric) && options.UndeclaredMetricProbation > TimeSpan.Zero;
            if (probation) _probation[reading.Metric] = now;
            _windows[reading.Metric] = ring = new MetricRing(probation ? Math.Min(options.ProbationWindowSize, options.RecentWindowSize) : options.RecentWindowSize);
        }
        else if (_probation.TryGetValue(reading.Metric, out var since) && now - since >= options.UndeclaredMetricProbation)
        {
            _probation.Remove(reading.Metric);
            ring.Widen(options.RecentWindowSize);
        }
        // The window is a time-ordered tail; an out-of-order reading belongs to history only.
        if (ring.NewestTimestamp is not { } newest || reading.Timestamp >= newest)
        {
            _windowPoints += ring.Add(new MetricPoint(reading.Timestamp, reading.Value), _windowPoints < options.MaxRecentPointsPerTwin);
        }

        MergeBucket(state, reading.Metric, BucketState.Of(BucketState.MinuteOf(reading.Timestamp), reading.Value));
        return isLatest;
    }

    private void MergeBucket(TwinState state, string metric, BucketState bucket)
    {
        if (!state.OpenBuckets.TryGetValue(metric, out var buckets))
        {
            state.OpenBuckets[metric] = buckets = [];
        }
        // Readings arrive mostly in order, so the matching bucket is almost always the last one.
        var i = buckets.Count - 1;
        while (i >= 0 && buckets[i].Start > bucket.Start) i--;
        if (i >= 0 && buckets[i].Start == bucket.Start)
        {
            buckets[i].Merge(bucket);
            return;
        }
        buckets.Insert(i + 1, bucket);
        if (buckets.Count > MaxOpenBuckets) buckets.RemoveAt(0);
    }
}
