using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Queries;

/// <summary>
/// A twin as a query returns it: identity, place, health, tags and latest metric values. A twin of a kind its topology
/// declares (a production line's <c>machine</c>) carries that kind's name as <see cref="Type"/>; <see cref="Kind"/> is
/// the built-in kind it stands in for.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinSummary")]
public sealed record TwinSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] HealthStatus Health,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(6)] string? Type = null);
