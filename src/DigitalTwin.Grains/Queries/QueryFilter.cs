using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;

namespace DigitalTwin.Grains.Queries;

/// <summary>The rules of a <see cref="TwinQuery"/>: which twins match, which subtrees can hold matches, how pages merge.</summary>
public static class QueryFilter
{
    /// <summary>The longest a query may wait, whatever it asks for.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The query with its page size clamped to 1..<see cref="TwinQuery.MaxPageSize"/> and a timeout set.</summary>
    public static TwinQuery Normalize(TwinQuery query, TimeSpan defaultTimeout)
    {
        var timeout = query.Timeout is { } t && t > TimeSpan.Zero ? t : defaultTimeout;
        return query with
        {
            PageSize = Math.Clamp(query.PageSize, 1, TwinQuery.MaxPageSize),
            Timeout = timeout > MaxTimeout ? MaxTimeout : timeout,
        };
    }

    /// <summary>Whether a twin satisfies every criterion of the query, and lies after its continuation point.</summary>
    public static bool Matches(TwinQuery query, TwinSummary twin)
    {
        if (query.After is { } after && string.CompareOrdinal(twin.Id, after) <= 0) return false;
        if (!OfAskedKind(query, twin)) return false;
        if (query.Tag is { } tag && !twin.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) return false;
        if (query.MinHealth is { } min && twin.Health < min) return false;
        if (query.Metric is { } predicate &&
            (!twin.Metrics.TryGetValue(predicate.Metric, out var value) || !predicate.Matches(value))) return false;
        return true;
    }

    /// <summary>
    /// Whether a subtree rooted at a twin of <paramref name="kind"/> can hold a twin of a kind the query asks for. A
    /// declared kind may stand in for any built-in one, so a query for declared kinds searches every subtree.
    /// </summary>
    public static bool MaySearch(TwinQuery query, TwinKind kind) =>
        query.Kinds is not { Count: > 0 } kinds || query.Types is { Count: > 0 } || kinds.Any(k => k.LevelOf() >= kind.LevelOf());

    // Kinds and declared kinds are one criterion: a twin of either matches ("server,machine" finds both).
    private static bool OfAskedKind(TwinQuery query, TwinSummary twin)
    {
        var kinds = query.Kinds is { Count: > 0 };
        var types = query.Types is { Count: > 0 };
        if (!kinds && !types) return true;
        return (kinds && query.Kinds!.Contains(twin.Kind))
            || (types && twin.Type is { } type && query.Types!.Contains(type, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Merges sorted lists and keeps the first <paramref name="limit"/> by ordinal id.</summary>
    public static List<TwinSummary> Merge(IEnumerable<IReadOnlyList<TwinSummary>> lists, int limit)
    {
        var all = lists.SelectMany(l => l).ToList();
        all.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        if (all.Count > limit) all.RemoveRange(limit, all.Count - limit);
        return all;
    }
}
