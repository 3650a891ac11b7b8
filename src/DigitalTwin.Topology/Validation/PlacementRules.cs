using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Topology.Validation;

/// <summary>Where a twin may sit: its parent must exist and be of a kind that may contain it; kinds never change.</summary>
internal static class PlacementRules
{
    /// <summary>Checks <paramref name="twin"/>'s kind against the existing graph and its parent in the merged graph.</summary>
    public static void Check(IncomingTwin twin, TwinKind kind, MergedGraph graph, IReadOnlySet<string> inCycle, List<TopologyError> errors)
    {
        if (graph.Existing.TryGetValue(twin.Id, out var existing) && existing.Kind != kind)
        {
            errors.Add(new(twin.Id, TopologyErrorCodes.Conflict,
                $"'{twin.Id}' already exists as {KindNames.WithArticle(existing.Kind)}; a twin's kind cannot change (remove it and add it again under a new id)"));
        }

        var parent = twin.ParentId;
        if (kind == TwinKind.DataCentre)
        {
            if (parent is not null)
            {
                errors.Add(new(twin.Id, TopologyErrorCodes.Invalid, $"a data centre is the root of its graph and cannot have a parent (it names '{parent}')"));
            }
            return;
        }
        if (string.IsNullOrWhiteSpace(parent))
        {
            errors.Add(new(twin.Id, TopologyErrorCodes.Invalid, $"{KindNames.WithArticle(kind)} needs a parent: {KindNames.ParentsOf(kind)}"));
            return;
        }
        if (!graph.TryResolve(parent, out var parentKind))
        {
            errors.Add(new(twin.Id, TopologyErrorCodes.UnknownParent, $"parent '{parent}' is neither in the document nor in the existing graph"));
            return;
        }
        // A loop is reported once as a cycle; its members cannot also be placed correctly, so that is not repeated.
        if (inCycle.Contains(twin.Id) || parentKind is null) return;
        if (!parentKind.Value.MayContain(kind))
        {
            errors.Add(new(twin.Id, TopologyErrorCodes.InvalidPlacement,
                $"{KindNames.WithArticle(kind)} cannot sit directly in {KindNames.WithArticle(parentKind.Value)} ('{parent}'); it belongs in {KindNames.ParentsOf(kind)}"));
        }
    }
}
