using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Topology.Reading;
using DigitalTwin.Topology.Validation;

namespace DigitalTwin.Topology;

/// <summary>
/// Checks topologies and live changes against an existing graph. Every method returns one error per problem, each
/// naming the element it concerns, and never stops at the first; an empty list means the change may be applied.
/// The rules are listed in samples/README.md.
/// </summary>
public static class TopologyValidator
{
    private static readonly IReadOnlyDictionary<string, TopologyEntry> Nothing = new Dictionary<string, TopologyEntry>();

    /// <summary>
    /// Validates <paramref name="incoming"/> as an upsert onto <paramref name="existing"/> (id → entry; may be
    /// empty): an id already in the graph is an update (it may move, never change kind), a new id is created.
    /// </summary>
    public static IReadOnlyList<TopologyError> Validate(TopologyDocument incoming, IReadOnlyDictionary<string, TopologyEntry> existing)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return TopologyCheck.Run(FromDocument(incoming), existing ?? Nothing, ReadGaps.None);
    }

    /// <summary>
    /// All problems of a parsed file at once: the reading errors, then the validation of every element that could
    /// be read, without repeating consequences of the reading errors (a child of an element whose kind is unknown
    /// is not reported as an orphan). Empty only when the whole file may be applied.
    /// </summary>
    public static IReadOnlyList<TopologyError> Validate(TopologyParseResult parsed, IReadOnlyDictionary<string, TopologyEntry> existing)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Document is null) return parsed.Errors;
        var twins = FromDocument(parsed.Document);
        foreach (var (id, parentId) in parsed.Gaps.Unreadable)
        {
            twins.Add(new IncomingTwin(twins.Count, id, null, parentId, null));
        }
        return [.. parsed.Errors, .. TopologyCheck.Run(twins, existing ?? Nothing, parsed.Gaps)];
    }

    /// <summary>
    /// Validates adding one new twin under an existing parent: everything <see cref="Validate(TopologyDocument, IReadOnlyDictionary{string, TopologyEntry})"/>
    /// checks, and the id must not exist yet (<see cref="TopologyErrorCodes.DuplicateId"/>).
    /// </summary>
    public static IReadOnlyList<TopologyError> ValidateAdd(TwinSpec spec, IReadOnlyDictionary<string, TopologyEntry> existing)
    {
        ArgumentNullException.ThrowIfNull(spec);
        existing ??= Nothing;
        var errors = TopologyCheck.Run([new IncomingTwin(0, spec.Id, spec.Kind, spec.ParentId, spec)], existing, ReadGaps.None);
        if (spec.Id is not null && existing.TryGetValue(spec.Id, out var present))
        {
            // The twin exists: that is the one problem worth saying, not that its kind would change.
            errors.RemoveAll(e => e.Code == TopologyErrorCodes.Conflict && e.ElementId == spec.Id);
            errors.Insert(0, new TopologyError(spec.Id, TopologyErrorCodes.DuplicateId,
                $"'{spec.Id}' already exists ({KindNames.WithArticle(present.Kind)} under '{present.ParentId ?? "nothing"}'); add a new id, or import to update it"));
        }
        return errors;
    }

    /// <summary>
    /// Validates moving an existing twin under another existing parent: both must exist, the parent's kind must
    /// be able to contain the twin, a data centre never moves, and the new parent must not be the twin itself or
    /// one of its descendants (<see cref="TopologyErrorCodes.Cycle"/>).
    /// </summary>
    public static IReadOnlyList<TopologyError> ValidateMove(string twinId, string newParentId, IReadOnlyDictionary<string, TopologyEntry> existing)
    {
        existing ??= Nothing;
        var errors = new List<TopologyError>();
        var label = string.IsNullOrEmpty(twinId) ? "(none)" : twinId;
        TopologyEntry? twin = null;
        if (!TwinIds.IsValid(twinId) || !existing.TryGetValue(twinId, out twin))
        {
            errors.Add(new(label, TopologyErrorCodes.UnknownTwin, $"there is no twin '{twinId}' to move"));
        }
        TopologyEntry? parent = null;
        if (!TwinIds.IsValid(newParentId) || !existing.TryGetValue(newParentId, out parent))
        {
            errors.Add(new(label, TopologyErrorCodes.UnknownParent, $"new parent '{newParentId}' does not exist"));
        }
        if (twin is null || parent is null) return errors;

        if (twin.Kind == TwinKind.DataCentre)
        {
            errors.Add(new(twinId, TopologyErrorCodes.Invalid, "a data centre is the root of its graph and cannot be moved under another twin"));
            return errors;
        }
        var loop = PathUp(newParentId, twinId, existing);
        if (loop is not null)
        {
            errors.Add(new(twinId, TopologyErrorCodes.Cycle,
                $"moving '{twinId}' under '{newParentId}' would make parents loop: {twinId} → {string.Join(" → ", loop)}"));
            return errors;
        }
        if (!parent.Kind.MayContain(twin.Kind))
        {
            errors.Add(new(twinId, TopologyErrorCodes.InvalidPlacement,
                $"{KindNames.WithArticle(twin.Kind)} cannot sit directly in {KindNames.WithArticle(parent.Kind)} ('{newParentId}'); it belongs in {KindNames.ParentsOf(twin.Kind)}"));
        }
        return errors;
    }

    /// <summary>The chain from <paramref name="from"/> up to <paramref name="target"/> when the target is an ancestor (or itself); null otherwise.</summary>
    private static List<string>? PathUp(string from, string target, IReadOnlyDictionary<string, TopologyEntry> existing)
    {
        var chain = new List<string>();
        // Bounded by the graph's size, so a damaged graph with a loop cannot hang the check.
        for (string? current = from; current is not null && chain.Count <= existing.Count; current = existing.GetValueOrDefault(current)?.ParentId)
        {
            chain.Add(current);
            if (current == target) return chain;
        }
        return null;
    }

    private static List<IncomingTwin> FromDocument(TopologyDocument document) =>
        [.. (document.Twins ?? []).Select((spec, i) => new IncomingTwin(i, spec?.Id ?? "", spec?.Kind, spec?.ParentId, spec))];
}
