using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Health;

/// <summary>
/// An anomaly, limit breach or failed role raised by a twin (<see cref="AlertKind"/>): what deviated, against which
/// baseline (for a limit alert, the limit crossed), how strongly, since when, and an explanation a person can act on
/// (for example whether neighbours deviate too, pointing at a shared cause). Its <see cref="State"/> moves from
/// Raised to Acknowledged (an operator) to Resolved (the condition cleared).
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinAlert")]
public sealed record TwinAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string TwinId,
    [property: Id(2)] TwinKind Kind,
    [property: Id(3)] string Metric,
    [property: Id(4)] double Value,
    [property: Id(5)] double Baseline,
    [property: Id(6)] double Score,
    [property: Id(7)] DateTimeOffset FirstSeen,
    [property: Id(8)] DateTimeOffset LastSeen,
    [property: Id(9)] AlertState State,
    [property: Id(10)] HealthStatus Severity,
    [property: Id(11)] string Explanation,
    [property: Id(12)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(13)] string? AcknowledgedBy = null,
    [property: Id(14)] DateTimeOffset? ResolvedAt = null,
    [property: Id(15)] AlertKind AlertKind = AlertKind.Anomaly);
