using MathNet.Numerics.Distributions;

namespace DigitalTwin.Models.Capacity;

/// <summary>
/// When a resource runs out at the present trend: a straight line fitted to its history by least squares, and an
/// interval from where the line's prediction bounds (Student t, at the confidence asked) reach the limit. A trend is
/// trusted only as far ahead as <see cref="ReachFactor"/> times the span of the history behind it.
/// </summary>
public static class CapacityModel
{
    /// <summary>How far past the last sample, in multiples of the history's span, a trend is extrapolated.</summary>
    public const double ReachFactor = 3;

    /// <summary>Fewest samples for a trend.</summary>
    public const int MinimumSamples = 5;

    /// <summary>Forecasts when <paramref name="history"/> reaches <paramref name="limit"/>.</summary>
    /// <param name="resource">Its name, for the answer.</param>
    /// <param name="history">Samples of the resource's use, any order.</param>
    /// <param name="limit">Where it runs out.</param>
    /// <param name="confidence">Two-sided confidence of the interval, between 0 and 1.</param>
    public static CapacityForecast Forecast(string resource, IReadOnlyList<(DateTimeOffset At, double Value)> history, double limit,
        double confidence = 0.9)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), "confidence must be between 0 and 1");
        var samples = history.Where(s => double.IsFinite(s.Value)).OrderBy(s => s.At).ToList();
        if (samples.Count < MinimumSamples)
            throw new ArgumentException($"a trend needs at least {MinimumSamples} samples, got {samples.Count}", nameof(history));
        var origin = samples[0].At;
        var x = samples.Select(s => (s.At - origin).TotalDays).ToArray();
        var y = samples.Select(s => s.Value).ToArray();
        var n = x.Length;
        var span = x[^1] - x[0];
        if (span <= 0) throw new ArgumentException("the samples must span some time", nameof(history));
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var meanX = x.Average();
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var residualSd = Math.Sqrt(Enumerable.Range(0, n).Sum(k => Math.Pow(y[k] - (intercept + slope * x[k]), 2)) / (n - 2));
        var t = StudentT.InvCDF(0, 1, n - 2, 0.5 + confidence / 2);
        double Fitted(double day) => intercept + slope * day;
        double Half(double day) => t * residualSd * Math.Sqrt(1 + 1.0 / n + (day - meanX) * (day - meanX) / sxx);

        var now = x[^1];
        var reach = now + ReachFactor * span;
        DateTimeOffset? When(Func<double, double> curve)
        {
            if (curve(now) >= limit) return samples[^1].At;
            if (curve(reach) < limit) return null;
            double low = now, high = reach;
            for (var k = 0; k < 60; k++)
            {
                var mid = 0.5 * (low + high);
                if (curve(mid) >= limit) high = mid; else low = mid;
            }
            return origin.AddDays(high);
        }
        var exhausted = When(Fitted);
        var earliest = When(d => Fitted(d) + Half(d));
        var latest = When(d => Fitted(d) - Half(d));
        var basis = $"straight line over {n} samples spanning {span:0.#} days: {Fitted(now):0.#} now, {slope:+0.###;-0.###} per day"
            + $", residual sd {residualSd:0.###}; {confidence:P0} prediction interval; trusted to {ReachFactor:0}× the span ahead";
        return new CapacityForecast(resource, Fitted(now), limit, slope, exhausted, earliest, latest, basis);
    }
}
