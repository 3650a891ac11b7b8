using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Queries;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    /// <summary>At most this many incomplete subtrees are named in one answer.</summary>
    private const int MaxIncomplete = 100;

    /// <inheritdoc />
    public async Task<TwinQueryPage> FindDescendantsAsync(TwinQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = Spec;
        var normalized = QueryFilter.Normalize(query, Options.QueryTimeout);
        var found = await SearchChildrenAsync(normalized, normalized.Timeout!.Value);
        var page = found.Items.Take(normalized.PageSize).ToArray();
        var token = found.Items.Count > normalized.PageSize ? page[^1].Id : null;
        return new TwinQueryPage(page, token, found.Incomplete);
    }

    /// <inheritdoc />
    public async Task<SubtreeMatches> SearchSubtreeAsync(TwinQuery query, TimeSpan budget)
    {
        var self = Summarize();
        var below = await SearchChildrenAsync(query, budget);
        if (!QueryFilter.Matches(query, self)) return below;
        var items = QueryFilter.Merge([below.Items, [self]], query.PageSize + 1);
        return new SubtreeMatches(items, below.Incomplete);
    }

    /// <summary>The twin as a query result.</summary>
    protected TwinSummary Summarize()
    {
        var spec = Spec;
        Refresh();
        return new TwinSummary(
            spec.Id, spec.Kind, spec.ParentId, _health, spec.Tags ?? [],
            State.Latest.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal), spec.Type);
    }

    /// <summary>
    /// Asks every child that can hold matches, in parallel. A child gets a little less time than this twin has, so
    /// that it can name its own slow subtrees before this twin gives up on it.
    /// </summary>
    private async Task<SubtreeMatches> SearchChildrenAsync(TwinQuery query, TimeSpan budget)
    {
        var children = State.Children.Where(c => QueryFilter.MaySearch(query, c.Kind)).ToArray();
        if (children.Length == 0) return new SubtreeMatches([], []);
        var childBudget = budget * 0.8;
        var answers = await Task.WhenAll(children.Select(async child =>
        {
            try
            {
                return (child, await Child(child).SearchSubtreeAsync(query, childBudget).WaitAsync(budget));
            }
            catch (Exception)
            {
                // A subtree that times out or fails is named, not fatal: the rest of the answer is still useful.
                return (child, (SubtreeMatches?)null);
            }
        }));
        var items = QueryFilter.Merge(answers.Where(a => a.Item2 is not null).Select(a => a.Item2!.Items), query.PageSize + 1);
        var incomplete = answers
            .SelectMany(a => a.Item2 is null ? [a.child.Id] : a.Item2.Incomplete)
            .Take(MaxIncomplete)
            .ToArray();
        return new SubtreeMatches(items, incomplete);
    }
}
