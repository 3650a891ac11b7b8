using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// One thing an asset or component is there to do, judged from its own latest readings: <see cref="Judge"/> gives
/// Ok when it does it (or its readings cannot tell), Warning or Critical when it does not; <see cref="Explain"/> says
/// why in words, called only when an alert is raised or changes. The alert is filed under <see cref="Metric"/>.
/// </summary>
public sealed record RoleRule(
    string Metric,
    Func<IReadOnlyDictionary<string, MetricValue>, TwinSpec, HealthStatus> Judge,
    Func<IReadOnlyDictionary<string, MetricValue>, TwinSpec, string> Explain);
