using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Queries;

/// <summary>
/// A filter over a twin's descendants. Every given criterion must hold. Results are ordered by id and paged:
/// pass the previous page's <see cref="TwinQueryPage.ContinuationToken"/> as <see cref="After"/>. <see cref="Kinds"/> and
/// <see cref="Types"/> together form one kind criterion: a twin matches when its built-in kind is among
/// <see cref="Kinds"/> or the kind its topology declares (<see cref="TwinSummary.Type"/>, such as <c>machine</c>) is
/// among <see cref="Types"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinQuery")]
public sealed record TwinQuery(
    [property: Id(0)] IReadOnlyList<TwinKind>? Kinds = null,
    [property: Id(1)] string? Tag = null,
    [property: Id(2)] HealthStatus? MinHealth = null,
    [property: Id(3)] MetricPredicate? Metric = null,
    [property: Id(4)] int PageSize = 100,
    [property: Id(5)] string? After = null,
    [property: Id(6)] TimeSpan? Timeout = null,
    [property: Id(7)] IReadOnlyList<string>? Types = null)
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxPageSize = 1000;
}

/// <summary>A comparison on a twin's latest value of a metric; a twin without that metric never matches.</summary>
[GenerateSerializer, Immutable, Alias("dt.MetricPredicate")]
public sealed record MetricPredicate(
    [property: Id(0)] string Metric,
    [property: Id(1)] Comparison Comparison,
    [property: Id(2)] double Value)
{
    /// <summary>Whether <paramref name="actual"/> satisfies the predicate.</summary>
    public bool Matches(double actual) => Comparison switch
    {
        Comparison.GreaterThan => actual > Value,
        Comparison.GreaterOrEqual => actual >= Value,
        Comparison.LessThan => actual < Value,
        Comparison.LessOrEqual => actual <= Value,
        Comparison.Equal => actual == Value,
        _ => false,
    };
}

/// <summary>The comparison of a <see cref="MetricPredicate"/>.</summary>
public enum Comparison
{
    /// <summary>&gt;</summary>
    GreaterThan,
    /// <summary>&gt;=</summary>
    GreaterOrEqual,
    /// <summary>&lt;</summary>
    LessThan,
    /// <summary>&lt;=</summary>
    LessOrEqual,
    /// <summary>==</summary>
    Equal,
}
