using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Twins;

/// <summary>Everything a twin holds, as of <see cref="AsOf"/>.</summary>
[GenerateSerializer, Immutable, Alias("dt.TwinSnapshot")]
public sealed record TwinSnapshot(
    [property: Id(0)] TwinKey Key,
    [property: Id(1)] TwinSpec Spec,
    [property: Id(2)] IReadOnlyList<TwinRef> Children,
    [property: Id(3)] IReadOnlyDictionary<string, MetricValue> Latest,
    [property: Id(4)] HealthStatus Health,
    [property: Id(5)] string? HealthReason,
    [property: Id(6)] TwinRollup? Rollup,
    [property: Id(7)] IReadOnlyList<TwinAlert> OpenAlerts,
    [property: Id(8)] DateTimeOffset AsOf);
