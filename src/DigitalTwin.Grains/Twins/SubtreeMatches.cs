using DigitalTwin.Abstractions.Queries;

namespace DigitalTwin.Grains.Twins;

/// <summary>One subtree's answer to a descendant query: matches ordered by id, and the subtrees that did not answer.</summary>
[GenerateSerializer, Immutable, Alias("dt.grains.SubtreeMatches")]
public sealed record SubtreeMatches(
    [property: Id(0)] IReadOnlyList<TwinSummary> Items,
    [property: Id(1)] IReadOnlyList<string> Incomplete);
