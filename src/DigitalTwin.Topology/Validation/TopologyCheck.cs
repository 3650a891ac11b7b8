using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology.Reading;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// One validation run of a document as an upsert onto an existing graph. Every rule runs on every element, so the
/// result lists all problems at once, ordered by the element they concern as it appears in the document.
/// </summary>
internal static class TopologyCheck
{
    /// <summary>The problems of <paramref name="twins"/> merged onto <paramref name="existing"/>.</summary>
    public static List<TopologyError> Run(IReadOnlyList<IncomingTwin> twins, IReadOnlyDictionary<string, TopologyEntry> existing, ReadGaps gaps)
    {
        var errors = new List<TopologyError>();
        var graph = new MergedGraph(existing);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var twin in twins)
        {
            if (!TwinIds.IsValid(twin.Id))
            {
                errors.Add(new(string.IsNullOrEmpty(twin.Id) ? $"twins[{twin.Order}]" : twin.Id, TopologyErrorCodes.InvalidId,
                    $"'{twin.Id}' is not a valid id: use 1-{TwinIds.MaxLength} letters, digits, '.', '-', '_' or ':', starting with a letter or digit"));
                continue;
            }
            occurrences[twin.Id] = occurrences.GetValueOrDefault(twin.Id) + 1;
            graph.Admit(twin);
        }
        foreach (var (id, count) in occurrences)
        {
            if (count > 1)
            {
                errors.Add(new(id, TopologyErrorCodes.DuplicateId,
                    $"'{id}' is defined {count} times in the document; each twin must appear once (only the first was checked)"));
            }
        }

        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cycle in CycleSearch.Find(graph))
        {
            inCycle.UnionWith(cycle);
            errors.Add(new(cycle[0], TopologyErrorCodes.Cycle, $"parents form a loop: {string.Join(" → ", cycle)} → {cycle[0]}"));
        }

        foreach (var twin in graph.Incoming)
        {
            if (twin is not { Kind: { } kind, Spec: { } spec }) continue;
            PlacementRules.Check(twin, kind, graph, inCycle, errors);
            RatedRules.Check(spec, gaps, errors);
            LimitRules.Check(spec, errors);
            RelationRules.Check(spec, graph, errors);
        }
        FloorLayout.Check(graph, inCycle, errors);

        var order = graph.Incoming.ToDictionary(t => t.Id, t => t.Order, StringComparer.Ordinal);
        return [.. errors.OrderBy(e => order.GetValueOrDefault(e.ElementId, -1))];
    }
}
