using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// What a twin tells its parent on each rollup tick: its own summary, and its subtree's rollup when it has one.
/// Sent one-way and only when something changed, so the top of the tree stays almost idle.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.ChildReport")]
public sealed record ChildReport(
    [property: Id(0)] string ChildId,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] HealthStatus Health,
    [property: Id(3)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(4)] TwinRollup? Rollup,
    [property: Id(5)] int OpenAlerts,
    [property: Id(6)] DateTimeOffset AsOf);
