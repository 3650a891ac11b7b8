using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Health;

/// <summary>
/// Alerts that share a cause, grouped by the data centre on its incident cadence using the topology's relations
/// (which CRACs cool a rack, which PDU or UPS feeds it): the probable <see cref="Cause"/>, the twin it points at
/// (<see cref="CauseTwinId"/>), a summary in words, and the alerts and twins involved. It follows the alert lifecycle:
/// Raised, Acknowledged by an operator, Resolved when none of its alerts is open any more. A cooling incident whose
/// CRAC reports it stopped carries a <see cref="Forecast"/>: which racks reach their limit and when, if nothing is done.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.Incident")]
public sealed record Incident(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] IncidentCause Cause,
    [property: Id(2)] string CauseTwinId,
    [property: Id(3)] TwinKind CauseKind,
    [property: Id(4)] string Summary,
    [property: Id(5)] IReadOnlyList<string> AlertIds,
    [property: Id(6)] IReadOnlyList<string> TwinIds,
    [property: Id(7)] HealthStatus Severity,
    [property: Id(8)] AlertState State,
    [property: Id(9)] DateTimeOffset FirstSeen,
    [property: Id(10)] DateTimeOffset LastSeen,
    [property: Id(11)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(12)] string? AcknowledgedBy = null,
    [property: Id(13)] DateTimeOffset? ResolvedAt = null,
    [property: Id(14)] IncidentForecast? Forecast = null);
