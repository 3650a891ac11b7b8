namespace DigitalTwin.Abstractions.Queries;

/// <summary>
/// One page of query results, ordered by id. <see cref="ContinuationToken"/> is null on the last page.
/// <see cref="Incomplete"/> names subtrees that did not answer within the query's timeout.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinQueryPage")]
public sealed record TwinQueryPage(
    [property: Id(0)] IReadOnlyList<TwinSummary> Items,
    [property: Id(1)] string? ContinuationToken,
    [property: Id(2)] IReadOnlyList<string> Incomplete);
