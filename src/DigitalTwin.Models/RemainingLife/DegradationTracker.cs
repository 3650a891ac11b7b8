using System.Globalization;
using MathNet.Numerics.Distributions;

namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Follows one metric or health indicator of a live twin and forecasts when it will cross a failure threshold.
/// It fits a straight line by exponentially weighted least squares (older readings count less, halving every
/// <see cref="HalfLife"/>), kept as a handful of running sums: each <see cref="Observe"/> is O(1), allocates nothing, and
/// memory is fixed however long the twin lives. Irregular sampling is fine: weights decay with elapsed time, not with
/// reading count. Intervals are 95% and come from the fit's own uncertainty (level, slope and their covariance, with
/// the residual spread as noise), so a noisy or short trend yields wide intervals and low confidence. Telemetry noise
/// is rarely independent from one reading to the next (a warm afternoon, a slow control loop); the lag-one correlation
/// is estimated from successive differences and widens the intervals accordingly, or a wandering flat series would
/// pass for a trend.
/// Not thread-safe: one tracker per metric per twin, called from the twin's single-threaded turn.
/// </summary>
public sealed class DegradationTracker
{
    /// <summary>Readings needed before any forecast is made.</summary>
    public const int MinimumReadings = 10;

    private const double Z95 = 1.959963984540054;

    private readonly double _halfLifeHours;
    private long _count;
    private DateTimeOffset? _last;
    // Running sums over readings i with decayed weight w_i, time u_i in hours before the latest reading (u <= 0), value x_i.
    private double _w, _w2, _u, _uu, _x, _ux, _xx;
    // Sums with squared weights: what the variance of a weighted fit needs.
    private double _w2u, _w2uu;
    // Decayed sums over successive differences (value step dx, time step dt in hours) for the noise's lag-one correlation.
    private double _previous, _dw, _dxx, _dxt, _dtt;

    /// <summary>Creates a tracker that forgets with the given half-life (say a day for fan wear, an hour for thermal runaway).</summary>
    /// <param name="halfLife">Age at which a reading counts half as much as a new one. The trend is read over a few half-lives.</param>
    /// <param name="metric">Name used in trend statements, e.g. <c>fan_rpm</c>.</param>
    public DegradationTracker(TimeSpan halfLife, string? metric = null)
    {
        if (halfLife <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        HalfLife = halfLife;
        Metric = string.IsNullOrWhiteSpace(metric) ? "value" : metric;
        _halfLifeHours = halfLife.TotalHours;
    }

    /// <summary>How fast old readings are forgotten.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>The metric's name in trend statements.</summary>
    public string Metric { get; }

    /// <summary>Readings accepted so far.</summary>
    public long Count => _count;

    /// <summary>Time of the latest accepted reading.</summary>
    public DateTimeOffset? LastTimestamp => _last;

    /// <summary>
    /// Takes one reading. Returns false, and changes nothing, for a non-finite value or a reading older than the latest
    /// one (late or replayed data must not bend the trend backwards in time).
    /// </summary>
    public bool Observe(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value)) return false;
        if (_last is { } last)
        {
            if (timestamp < last) return false;
            var elapsed = (timestamp - last).TotalHours;
            if (elapsed > 0)
            {
                var decay = Math.Exp(-elapsed * Math.Log(2) / _halfLifeHours);
                var decay2 = decay * decay;
                _w *= decay; _u *= decay; _uu *= decay; _x *= decay; _ux *= decay; _xx *= decay;
                _w2 *= decay2; _w2u *= decay2; _w2uu *= decay2;
                // Move the time origin to the new reading so every u stays small and the sums keep their precision.
                _uu += -2 * elapsed * _u + elapsed * elapsed * _w;
                _u -= elapsed * _w;
                _ux -= elapsed * _x;
                _w2uu += -2 * elapsed * _w2u + elapsed * elapsed * _w2;
                _w2u -= elapsed * _w2;
                _dw *= decay; _dxx *= decay; _dxt *= decay; _dtt *= decay;
            }
            var step = value - _previous;
            _dw += 1; _dxx += step * step; _dxt += step * elapsed; _dtt += elapsed * elapsed;
        }
        _last = timestamp;
        _previous = value;
        _count++;
        // The new reading sits at u = 0 with weight 1, so it adds nothing to the time-weighted sums.
        _w += 1; _w2 += 1; _x += value; _xx += value * value;
        return true;
    }

    /// <summary>
    /// Forecasts whether and when the metric crosses <paramref name="failureThreshold"/> in the failing
    /// <paramref name="direction"/>. The time to failure is given only when the trend heads for the threshold with
    /// 95% confidence; the probability of crossing within <paramref name="horizon"/> is always given.
    /// </summary>
    public FailureForecast Forecast(double failureThreshold, DegradationDirection direction, TimeSpan horizon)
    {
        if (!double.IsFinite(failureThreshold)) throw new ArgumentOutOfRangeException(nameof(failureThreshold), failureThreshold, "The threshold must be a finite number.");
        if (horizon <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be positive.");

        var fit = Fit();
        if (fit is null)
        {
            var reason = _count < MinimumReadings
                ? $"collecting readings ({_count} of at least {MinimumReadings})"
                : "too few recent readings spread over time to read a trend";
            return new FailureForecast(0, horizon, null, null, null, $"{Metric}: {reason}; no forecast yet");
        }

        // Work as if failure were always upwards: a falling metric is the rising metric negated.
        var sign = direction == DegradationDirection.Rising ? 1.0 : -1.0;
        var level = sign * fit.Value.Level;
        var slope = sign * fit.Value.Slope;
        // Negating both level and slope leaves their covariance as it was.
        var covariance = fit.Value.Covariance;
        var threshold = sign * failureThreshold;
        var gap = threshold - level;
        var horizonHours = horizon.TotalHours;

        var describe = Describe(fit.Value, failureThreshold, direction);
        var slopeSe = Math.Sqrt(fit.Value.SlopeVariance);
        var trendReal = slopeSe > 0 ? Normal.CDF(0, 1, slope / slopeSe) : slope > 0 ? 1 : 0;

        if (gap <= 0)
        {
            var now = Beyond(level, fit.Value.LevelVariance, threshold);
            return new FailureForecast(now, horizon, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, $"{describe}; already beyond {Format(failureThreshold)}", now);
        }

        if (slope <= Z95 * slopeSe)
        {
            // Without a trend the only evidence of failure is the level itself: extrapolating an insignificant slope to the
            // horizon would turn noise (or one ended excursion that inflated it) into a probability the words deny.
            var already = Beyond(level, fit.Value.LevelVariance, threshold);
            return new FailureForecast(already, horizon, null, null, null,
                $"{describe}; no significant trend towards {Format(failureThreshold)}, no failure in sight", 1 - already);
        }

        var probability = CrossingProbability(level, slope, fit.Value.LevelVariance, fit.Value.SlopeVariance, covariance, threshold, horizonHours);
        var central = gap / slope;
        var (low, high) = CrossingInterval(gap, slope, fit.Value.LevelVariance, fit.Value.SlopeVariance, covariance, central);
        var statement = $"{describe}; reaches {Format(failureThreshold)} in about {FormatDuration(central)} ({FormatDuration(low)} to {FormatDuration(high)})";
        return new FailureForecast(probability, horizon, Hours(central), Hours(low), Hours(high), statement, trendReal);
    }

    /// <summary>
    /// The span of time the current trend is read from (for readings spread evenly, the time they cover; older
    /// readings count less as they fade), or null before there is a trend. A forecast far beyond this span is an
    /// extrapolation: half an hour of a daily load swing looks like a steep trend.
    /// </summary>
    public TimeSpan? TrendSpan
    {
        get
        {
            if (_count < MinimumReadings || _w <= 0) return null;
            var suu = _uu - _u * _u / _w;
            // Readings spread evenly over a span S have a standard deviation of S / sqrt(12) in time.
            return suu <= 0 ? null : TimeSpan.FromHours(Math.Sqrt(12 * suu / _w));
        }
    }

    /// <summary>
    /// The fitted line now: level, slope per hour and the slope's standard error (noise and its correlation counted),
    /// or null before there are enough readings spread over time. Lets a caller test a trend against another read
    /// over a different span (a short memory that says whether the readings still move the way a long one says).
    /// </summary>
    public (double Level, double SlopePerHour, double SlopeStandardError)? Trend() =>
        Fit() is { } fit ? (fit.Level, fit.Slope, Math.Sqrt(fit.SlopeVariance)) : null;

    /// <summary>The tracker's sums, for persisting it.</summary>
    public DegradationTrackerState Snapshot() => new(HalfLife, _count, _last, _w, _w2, _u, _uu, _x, _ux, _xx, _w2u, _w2uu, _previous, _dw, _dxx, _dxt, _dtt);

    /// <summary>Rebuilds a tracker from <see cref="Snapshot"/>.</summary>
    public static DegradationTracker Restore(DegradationTrackerState state, string? metric = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new DegradationTracker(state.HalfLife, metric)
        {
            _count = state.Count, _last = state.LastTimestamp,
            _w = state.Weight, _w2 = state.WeightSquared, _u = state.SumTime, _uu = state.SumTimeSquared,
            _x = state.SumValue, _ux = state.SumTimeValue, _xx = state.SumValueSquared,
            _w2u = state.SumSquaredWeightTime, _w2uu = state.SumSquaredWeightTimeSquared,
            _previous = state.PreviousValue, _dw = state.StepWeight, _dxx = state.SumStepSquared, _dxt = state.SumStepTimeStep, _dtt = state.SumTimeStepSquared,
        };
    }

    private LineFit? Fit()
    {
        if (_count < MinimumReadings || _w <= 0) return null;
        var meanU = _u / _w;
        var suu = _uu - _u * _u / _w;
        // Readings bunched at one instant say nothing about a slope.
        if (suu <= 1e-12 * Math.Max(1.0, _uu)) return null;
        var sux = _ux - _u * _x / _w;
        var sxx = _xx - _x * _x / _w;
        var slope = sux / suu;
        var level = _x / _w - slope * meanU;

        // Effective sample size (Kish) stands in for n when weights are unequal.
        var effective = _w * _w / _w2;
        if (effective <= 2.5) return null;
        var residual = Math.Max(0, sxx - slope * sux) / _w;
        var noise = residual * effective / (effective - 2) * CorrelationInflation(slope, residual);

        // Sandwich variance of the weighted fit: slope b = sum d_i x_i, level a = sum c_i x_i.
        var spreadSquaredWeights = _w2uu - 2 * meanU * _w2u + meanU * meanU * _w2;
        var centredSquaredWeights = _w2u - meanU * _w2;
        var slopeVariance = noise * spreadSquaredWeights / (suu * suu);
        var levelVariance = noise * (_w2 / (_w * _w) - 2 * meanU * centredSquaredWeights / (_w * suu) + meanU * meanU * spreadSquaredWeights / (suu * suu));
        var covariance = noise * (centredSquaredWeights / (_w * suu) - meanU * spreadSquaredWeights / (suu * suu));
        return new LineFit(level, slope, Math.Max(0, levelVariance), Math.Max(0, slopeVariance), covariance, Math.Sqrt(noise));
    }

    // For AR(1) noise with lag-one correlation r, the variance of a fitted mean or slope grows by about (1 + r) / (1 - r).
    // Steps between readings, with the trend's share taken out, have variance 2 s^2 (1 - r) for residual variance s^2.
    private double CorrelationInflation(double slope, double residual)
    {
        if (_dw < 2 || residual <= 0) return 1;
        var stepVariance = (_dxx - 2 * slope * _dxt + slope * slope * _dtt) / _dw;
        var correlation = Math.Clamp(1 - stepVariance / (2 * residual), 0, 0.98);
        return (1 + correlation) / (1 - correlation);
    }

    // P(the fitted level is past the threshold now or at the horizon): with a straight line, one of the two ends is its maximum.
    private static double CrossingProbability(double level, double slope, double levelVariance, double slopeVariance, double covariance, double threshold, double horizonHours)
    {
        var atHorizon = Beyond(level + slope * horizonHours, levelVariance + horizonHours * horizonHours * slopeVariance + 2 * horizonHours * covariance, threshold);
        return Math.Max(Beyond(level, levelVariance, threshold), atHorizon);
    }

    // P(a normal with this mean and variance lies past the threshold).
    private static double Beyond(double mean, double variance, double threshold) =>
        variance <= 0 ? (mean >= threshold ? 1 : 0) : Normal.CDF(0, 1, (mean - threshold) / Math.Sqrt(variance));

    // The hours at which the 95% band of the fitted line meets the threshold: the upper band first (earliest plausible
    // failure) and the lower band (latest). Both solve (gap - slope h)^2 = z^2 var(h), a quadratic in h.
    private static (double Low, double High) CrossingInterval(double gap, double slope, double levelVariance, double slopeVariance, double covariance, double central)
    {
        var z2 = Z95 * Z95;
        var a = slope * slope - z2 * slopeVariance;
        var b = -2 * (gap * slope + z2 * covariance);
        var c = gap * gap - z2 * levelVariance;
        var discriminant = b * b - 4 * a * c;
        if (a <= 0 || discriminant < 0) return (0, central);
        var root = Math.Sqrt(discriminant);
        var first = (-b - root) / (2 * a);
        var second = (-b + root) / (2 * a);
        // A level already within noise of the threshold means failure could be now.
        var low = c <= 0 ? 0 : Math.Clamp(first, 0, central);
        var high = Math.Max(second, central);
        return (low, high);
    }

    private string Describe(LineFit fit, double threshold, DegradationDirection direction)
    {
        var perDay = _halfLifeHours >= 48;
        var rate = perDay ? fit.Slope * 24 : fit.Slope;
        var rateSe = (perDay ? 24 : 1) * Math.Sqrt(fit.SlopeVariance);
        var movement = Math.Abs(fit.Slope) <= Z95 * Math.Sqrt(fit.SlopeVariance) ? "steady" : fit.Slope > 0 ? "rising" : "falling";
        var towards = direction == DegradationDirection.Rising ? "above" : "below";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Metric} {movement} at {Format(Math.Abs(rate))} ± {Format(Z95 * rateSe)} per {(perDay ? "day" : "hour")}, now {Format(fit.Level)} (noise ± {Format(fit.Noise)}), fails {towards} {Format(threshold)}");
    }

    private static TimeSpan Hours(double hours) => TimeSpan.FromHours(Math.Min(hours, TimeSpan.MaxValue.TotalHours / 2));

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string FormatDuration(double hours) => hours switch
    {
        < 2 => string.Create(CultureInfo.InvariantCulture, $"{hours * 60:0} min"),
        < 72 => string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} days"),
    };

    private readonly record struct LineFit(double Level, double Slope, double LevelVariance, double SlopeVariance, double Covariance, double Noise);
}
