using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// Which changes a reader of a change feed wants (<c>?kind=rack,crac&amp;change=rollup,health</c>): filtered in the
/// silo, so a floor plan following a room of hundreds of servers receives its racks' and CRACs' changes only.
/// </summary>
internal sealed record ChangeFilter(IReadOnlySet<TwinKind>? Kinds, IReadOnlySet<TwinChangeKind>? Changes)
{
    /// <summary>Parses comma-separated twin kinds and change kinds; null with <paramref name="error"/> when a name is unknown.</summary>
    public static ChangeFilter? Parse(string? kind, string? change, out string? error)
    {
        error = null;
        HashSet<TwinKind>? kinds = null;
        foreach (var name in Names(kind))
        {
            if (!TwinKinds.TryParse(name, out var parsed)) { error = $"Unknown twin kind '{name}'."; return null; }
            (kinds ??= []).Add(parsed);
        }
        HashSet<TwinChangeKind>? changes = null;
        foreach (var name in Names(change))
        {
            if (!Enum.TryParse<TwinChangeKind>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                error = $"Unknown change kind '{name}': use {string.Join(", ", Enum.GetValues<TwinChangeKind>().Select(TwinChangeStreams.KindKey))}.";
                return null;
            }
            (changes ??= []).Add(parsed);
        }
        return new ChangeFilter(kinds, changes);
    }

    /// <summary>Whether a change passes.</summary>
    public bool Matches(TwinChange change) =>
        (Kinds is null || Kinds.Contains(change.Kind)) && (Changes is null || Changes.Contains(change.Change));

    /// <summary>The batch with only the changes that pass; null when none does and nothing was dropped.</summary>
    public TwinChangeBatch? Apply(TwinChangeBatch batch)
    {
        if (Kinds is null && Changes is null) return batch;
        var kept = batch.Changes.Where(Matches).ToList();
        return kept.Count == 0 && batch.Dropped == 0 ? null : batch with { Changes = kept };
    }

    private static IEnumerable<string> Names(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
