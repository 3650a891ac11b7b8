using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Queries;

/// <summary>A twin as a query returns it: identity, place, health, tags and latest metric values.</summary>
[GenerateSerializer, Immutable, Alias("dt.TwinSummary")]
public sealed record TwinSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] HealthStatus Health,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] IReadOnlyDictionary<string, double> Metrics);
