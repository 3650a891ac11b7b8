using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Changes;

/// <summary>
/// One change of one live twin, as published on the change feeds (<see cref="TwinChangeStreams"/>). Which members
/// are set depends on <see cref="Change"/>: a rollup change carries the latest <see cref="Metrics"/> (assets and
/// components) or the subtree's <see cref="Rollup"/> (racks, rooms, data centres); an alert change the
/// <see cref="Alert"/> as it now stands; an incident change (published by the data centre) the <see cref="Incident"/>
/// as it now stands; a command change the <see cref="Command"/>; a scenario change its <see cref="ScenarioId"/> and,
/// in <see cref="Detail"/>, the step it reached (<c>forking</c>, <c>answered</c>, <c>failed</c>, <c>ended</c>),
/// with <see cref="TwinId"/> the scenario's root. <see cref="Health"/> is always
/// the twin's health when the change was published. Changes are published on the twin's rollup cadence (and at
/// once for commands), never once per reading.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinChange")]
public sealed record TwinChange(
    [property: Id(0)] string TwinId,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] TwinChangeKind Change,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] HealthStatus Health,
    [property: Id(5)] string? HealthReason = null,
    [property: Id(6)] IReadOnlyDictionary<string, double>? Metrics = null,
    [property: Id(7)] TwinRollup? Rollup = null,
    [property: Id(8)] TwinAlert? Alert = null,
    [property: Id(9)] CommandStatus? Command = null,
    [property: Id(10)] string? Detail = null,
    [property: Id(11)] string? ParentId = null,
    [property: Id(12)] Incident? Incident = null,
    [property: Id(13)] string? ScenarioId = null);
