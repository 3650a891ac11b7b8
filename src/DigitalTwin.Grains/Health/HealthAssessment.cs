using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Health;

/// <summary>A twin's own health from its limits, latest values and open alerts, with the reason for the worst finding.</summary>
public static class HealthAssessment
{
    /// <summary>
    /// Unknown without any reading, or when nothing was received for <paramref name="staleAfter"/> (then limits are
    /// not judged on old values); otherwise the worst of each limited metric against its limits. Open alerts count
    /// in either case.
    /// </summary>
    public static (HealthStatus Health, string? Reason) Assess(
        TwinSpec spec, IReadOnlyDictionary<string, MetricValue> latest, IEnumerable<TwinAlert> alerts,
        DateTimeOffset now, TimeSpan staleAfter)
    {
        var health = latest.Count == 0 ? HealthStatus.Unknown : HealthStatus.Ok;
        string? reason = null;
        if (IsStale(latest, now, staleAfter))
        {
            health = HealthStatus.Unknown;
            reason = $"no reading received since {latest.Values.Max(v => v.ReceivedAt):O}";
            latest = new Dictionary<string, MetricValue>();
        }

        void Consider(HealthStatus candidate, string why)
        {
            if (candidate <= health) return;
            health = candidate;
            reason = why;
        }

        if (spec.Limits is not null)
        {
            foreach (var (metric, limit) in spec.Limits.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!latest.TryGetValue(metric, out var value)) continue;
                var v = value.Value;
                if (limit.CriticalAbove is { } ca && v > ca) Consider(HealthStatus.Critical, Describe(metric, v, "above critical", ca));
                else if (limit.CriticalBelow is { } cb && v < cb) Consider(HealthStatus.Critical, Describe(metric, v, "below critical", cb));
                else if (limit.WarnAbove is { } wa && v > wa) Consider(HealthStatus.Warning, Describe(metric, v, "above warning", wa));
                else if (limit.WarnBelow is { } wb && v < wb) Consider(HealthStatus.Warning, Describe(metric, v, "below warning", wb));
            }
        }
        foreach (var alert in alerts)
        {
            if (alert.State == AlertState.Resolved) continue;
            Consider(alert.Severity, $"open alert on {alert.Metric}: {alert.Explanation}");
        }
        return (health, reason);
    }

    /// <summary>Whether the twin has readings but received none within <paramref name="staleAfter"/>.</summary>
    public static bool IsStale(IReadOnlyDictionary<string, MetricValue> latest, DateTimeOffset now, TimeSpan staleAfter) =>
        latest.Count > 0 && latest.Values.Max(v => v.ReceivedAt) < now - staleAfter;

    private static string Describe(string metric, double value, string relation, double limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{metric} {value:0.##} {relation} limit {limit:0.##}");
}
