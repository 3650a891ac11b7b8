using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.Maintenance;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Grains.Predictions;

/// <summary>
/// Follows the trend of each of the twin's <see cref="WearSignals"/> and forecasts when it crosses its failure
/// threshold (the metric's critical limit, or the signal's default): a fan slowing towards its critical-below speed,
/// a disk's reallocated or pending sectors growing. The forecasts and the open alerts become one
/// <see cref="MaintenancePrediction"/> through the maintenance advisor, saying what it is based on and how sure it is.
/// </summary>
public sealed class DegradationWatch(TwinOptions options)
{
    private static readonly MaintenanceAdvisor Advisor = new();

    /// <summary>
    /// How many standard errors of the recent slope by which the last minutes must lag the long trend's pace towards
    /// failure before that trend counts as an excursion that has ended.
    /// </summary>
    private const double LaggingZ = 3;

    private readonly Dictionary<string, DegradationTracker> _trackers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecentSlope> _recent = new(StringComparer.Ordinal);

    /// <summary>Rebuilds the trackers from the state after activation.</summary>
    public void Restore(TwinState state)
    {
        foreach (var (metric, saved) in state.Trackers)
        {
            _trackers[metric] = DegradationTracker.Restore(saved, metric);
        }
    }

    /// <summary>Writes the trackers' sums into the state before a checkpoint.</summary>
    public void Save(TwinState state)
    {
        foreach (var (metric, tracker) in _trackers) state.Trackers[metric] = tracker.Snapshot();
    }

    /// <summary>Feeds a reading (in time order) to its metric's tracker, if the metric is a wear signal of the twin's kind.</summary>
    public void Observe(TwinSpec spec, Reading reading)
    {
        if (WearSignals.Find(spec, reading.Metric) is null) return;
        if (!_trackers.TryGetValue(reading.Metric, out var tracker))
        {
            _trackers[reading.Metric] = tracker = new DegradationTracker(options.DegradationHalfLife, reading.Metric);
        }
        tracker.Observe(reading.Timestamp, reading.Value);
        if (!_recent.TryGetValue(reading.Metric, out var recent))
        {
            _recent[reading.Metric] = recent = new RecentSlope(options.DegradationRecentWindow);
        }
        recent.Observe(reading.Timestamp, reading.Value);
    }

    /// <summary>The fitted trend of a wear signal now, or null before it has one.</summary>
    public WearTrend? TrendOf(string metric) =>
        _trackers.TryGetValue(metric, out var tracker) && tracker.Count >= DegradationTracker.MinimumReadings && tracker.Trend() is { } trend
            ? new WearTrend(trend.Level, trend.SlopePerHour)
            : null;

    /// <summary>The twin's wear signals read as level trends (fan speed), the ones a sibling comparison can explain.</summary>
    public IReadOnlyList<string> TrendMetrics(TwinSpec spec) =>
        _trackers.Keys.Where(metric => Threshold(spec, metric) is { Basis: "trend" }).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The twin's prediction, or null when no limited metric has a trend yet. <paramref name="siblings"/> holds, per
    /// trend metric, the same metric's trends on the twin's siblings (its asset's other parts): a failure in sight
    /// that they share is no wear (<see cref="SharedDecline"/>).
    /// </summary>
    public MaintenancePrediction? Predict(TwinSpec spec, int openAlerts, DateTimeOffset now,
        IReadOnlyDictionary<string, IReadOnlyList<WearTrend>>? siblings = null)
    {
        var forecasts = new List<(FailureForecast Forecast, string Basis)>();
        foreach (var (metric, tracker) in _trackers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (tracker.Count < DegradationTracker.MinimumReadings || Threshold(spec, metric) is not { } threshold) continue;
            var trusted = TrustedHorizon(tracker);
            var forecast = Bounded(tracker, tracker.Forecast(threshold.Value, threshold.Direction, trusted));
            if (threshold.Basis == "trend")
            {
                forecast = Current(metric, tracker, forecast, threshold.Direction);
                if (siblings is not null && siblings.TryGetValue(metric, out var shared)) forecast = Own(tracker, forecast, shared, threshold.Direction);
            }
            forecasts.Add((forecast, threshold.Basis));
        }
        if (forecasts.Count == 0) return null;
        var advice = Advisor.Advise(spec.Type ?? spec.Kind.ToWireName(), forecasts.Select(f => f.Forecast).ToArray(), openAlerts, now);
        // The forecast that decides: the soonest failure in sight, else the likeliest one.
        var inSight = forecasts.Where(f => f.Forecast.TimeToFailure is not null).ToArray();
        var soonest = inSight.Length > 0 ? inSight.MinBy(f => f.Forecast.TimeToFailure).Forecast : null;
        var deciding = inSight.Length > 0 ? inSight.MinBy(f => f.Forecast.TimeToFailure) : forecasts.MaxBy(f => f.Forecast.ProbabilityWithinHorizon);
        var basis = soonest?.TimeToFailure == TimeSpan.Zero ? "level" : deciding.Basis;
        return new MaintenancePrediction(
            spec.Id, spec.Kind, forecasts.Max(f => f.Forecast.ProbabilityWithinHorizon), forecasts.Max(f => f.Forecast.Horizon),
            soonest?.TimeToFailure, soonest?.TimeToFailureLow, soonest?.TimeToFailureHigh,
            advice.Evidence, advice.Action, advice.MaintainBy, now, basis, deciding.Forecast.Confidence);
    }

    /// <summary>
    /// The horizon a trend can speak for: the configured one, or less while the history behind the trend is short
    /// (<see cref="TwinOptions.MaxTrendExtrapolation"/> times its span). The failure probability is then the
    /// probability within that shorter horizon, and the prediction says so.
    /// </summary>
    private TimeSpan TrustedHorizon(DegradationTracker tracker) =>
        tracker.TrendSpan is { } span && span * options.MaxTrendExtrapolation < options.PredictionHorizon
            ? span * options.MaxTrendExtrapolation
            : options.PredictionHorizon;

    /// <summary>
    /// Refuses to act on a forecast that reaches further ahead than <see cref="TwinOptions.MaxTrendExtrapolation"/>
    /// times the history behind it: a few minutes of a load cycle must not read as a fan about to die.
    /// </summary>
    private FailureForecast Bounded(DegradationTracker tracker, FailureForecast forecast)
    {
        if (forecast.TimeToFailure is not { } ahead || tracker.TrendSpan is not { } span) return forecast;
        if (ahead <= span * options.MaxTrendExtrapolation) return forecast;
        // Confidence 0: the verdict "no failure in sight" here comes from refusing to look, not from evidence.
        return new FailureForecast(0, forecast.Horizon, null, null, null,
            $"{forecast.Trend}; not enough history yet ({span.TotalMinutes:0} min) to trust a forecast that far ahead", 0);
    }

    /// <summary>
    /// Refuses a failure in sight whose long trend the last minutes no longer follow: a fan that ran fast while its
    /// server's inlet was hot (a CRAC failure) and slowed back to its usual speed leaves a long falling trend towards
    /// its failure speed, though its readings have held nearly steady since; a wearing fan keeps slowing. The latest
    /// readings (<see cref="RecentSlope"/>, within <see cref="TwinOptions.DegradationRecentWindow"/>) must not move
    /// towards failure at less than half the long trend's pace by more than <see cref="LaggingZ"/> standard errors of
    /// their own slope. Only for level
    /// trends: a wear counter (reallocated sectors) steps now and then and is flat between its steps.
    /// </summary>
    private FailureForecast Current(string metric, DegradationTracker tracker, FailureForecast forecast, DegradationDirection direction)
    {
        if (forecast.TimeToFailure is null || !_recent.TryGetValue(metric, out var recent)) return forecast;
        if (tracker.Trend() is not { } longTrend || recent.Slope() is not { } recentTrend) return forecast;
        var towards = direction == DegradationDirection.Rising ? 1.0 : -1.0;
        var longPace = towards * longTrend.SlopePerHour;
        var recentPace = towards * recentTrend.SlopePerHour;
        var lag = longPace - recentPace;
        if (recentPace >= 0.5 * longPace || lag <= LaggingZ * recentTrend.StandardError) return forecast;
        return new FailureForecast(0, forecast.Horizon, null, null, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{forecast.Trend}; but its latest readings moved {recentTrend.SlopePerHour:G3} ± {2 * recentTrend.StandardError:G2} per hour: an excursion that has ended, not wear"),
            recentTrend.StandardError > 0 ? MathNet.Numerics.Distributions.Normal.CDF(0, 1, lag / recentTrend.StandardError) : 1);
    }

    /// <summary>
    /// Refuses a failure in sight that the twin's siblings share: both fans of a server slowing together through the
    /// evening is the server's cooling need falling, not two fans wearing (seed 2 of <c>dt eval faults</c> gave four
    /// sound fans "Replace fan within 44-47 hours" so). The verdict's confidence is the share of the twin's pace its
    /// siblings reach, capped at 1: sure when they fall as fast, half sure at the bar.
    /// </summary>
    private static FailureForecast Own(DegradationTracker tracker, FailureForecast forecast, IReadOnlyList<WearTrend> siblings, DegradationDirection direction)
    {
        if (forecast.TimeToFailure is null || tracker.Trend() is not { } trend) return forecast;
        if (SharedDecline.Judge(new WearTrend(trend.Level, trend.SlopePerHour), siblings, direction) is not { } shared) return forecast;
        return new FailureForecast(0, forecast.Horizon, null, null, null, $"{forecast.Trend}; but {shared.Why}", Math.Min(1, shared.Share));
    }

    private static (double Value, DegradationDirection Direction, string Basis)? Threshold(TwinSpec spec, string metric)
    {
        if (WearSignals.Find(spec, metric) is not { } signal) return null;
        MetricLimit? limit = null;
        spec.Limits?.TryGetValue(metric, out limit);
        var critical = signal.Direction == DegradationDirection.Rising ? limit?.CriticalAbove : limit?.CriticalBelow;
        // A declared wear signal without a failure value waits for a critical limit to forecast towards.
        var threshold = critical ?? signal.DefaultFailure;
        return double.IsFinite(threshold) ? (threshold, signal.Direction, signal.Basis) : null;
    }
}
