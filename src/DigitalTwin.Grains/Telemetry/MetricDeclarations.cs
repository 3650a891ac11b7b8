using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Predictions;
using DigitalTwin.Grains.Rollups;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>
/// Which metric names a twin's topology declares: the well-known names (rollups, views and models read them), and
/// the names the twin's own definition gives a limit, a rating or a wear signal. Any other valid name is accepted
/// too, within <see cref="TwinOptions.MaxUndeclaredMetricsPerTwin"/> and on probation at first
/// (<see cref="TwinOptions.UndeclaredMetricProbation"/>); declaring it (a limit, for example) lifts both.
/// </summary>
public static class MetricDeclarations
{
    /// <summary>Whether <paramref name="spec"/> declares <paramref name="metric"/>.</summary>
    public static bool IsDeclared(TwinSpec spec, string metric)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return WellKnownMetrics.Contains(metric)
            || spec.Limits?.ContainsKey(metric) == true
            || spec.Rated?.ContainsKey(metric) == true
            || WearSignals.Find(spec, metric) is not null;
    }
}
