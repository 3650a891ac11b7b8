using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// Power feeds come from a PDU or UPS that exists; cooling units are CRACs that exist; only services name servers
/// to run on, and those are servers that exist; tags are not empty.
/// </summary>
internal static class RelationRules
{
    /// <summary>Checks the relations and tags of <paramref name="spec"/> against the merged graph.</summary>
    public static void Check(TwinSpec spec, MergedGraph graph, List<TopologyError> errors)
    {
        foreach (var feed in spec.PowerFeeds ?? [])
        {
            if (feed is null || string.IsNullOrWhiteSpace(feed.SourceId))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, "a power feed has no source"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(feed.Path))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, $"the power feed from '{feed.SourceId}' has an empty path; use a label such as A or B"));
            }
            if (feed.SourceId == spec.Id)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, "a twin cannot be its own power source"));
            }
            else if (!graph.TryResolve(feed.SourceId, out var kind))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"power source '{feed.SourceId}' is neither in the document nor in the existing graph"));
            }
            else if (kind is { } k && k is not (TwinKind.Pdu or TwinKind.Ups))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"power source '{feed.SourceId}' is {KindNames.WithArticle(k)}; power comes from a pdu or a ups"));
            }
        }

        foreach (var unit in spec.CoolingUnits ?? [])
        {
            if (string.IsNullOrWhiteSpace(unit))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, "'cooling' names an empty id"));
            }
            else if (unit == spec.Id)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, "a twin cannot be its own cooling unit"));
            }
            else if (!graph.TryResolve(unit, out var kind))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"cooling unit '{unit}' is neither in the document nor in the existing graph"));
            }
            else if (kind is { } k && k != TwinKind.Crac)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"cooling unit '{unit}' is {KindNames.WithArticle(k)}; cooling comes from a crac"));
            }
        }

        CheckRunsOn(spec, graph, errors);

        if (spec.Tags?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, "'tags' holds an empty tag"));
        }
    }

    private static void CheckRunsOn(TwinSpec spec, MergedGraph graph, List<TopologyError> errors)
    {
        if (spec.RunsOn is not { Count: > 0 } servers) return;
        if (spec.Kind != TwinKind.Service)
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"'runsOn' is for services; {KindNames.WithArticle(spec.Kind)} does not run on servers"));
            return;
        }
        foreach (var server in servers)
        {
            if (string.IsNullOrWhiteSpace(server))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, "'runsOn' names an empty id"));
            }
            else if (!graph.TryResolve(server, out var kind))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"runsOn server '{server}' is neither in the document nor in the existing graph"));
            }
            else if (kind is { } k && k != TwinKind.Server)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidRelation, $"runsOn '{server}' is {KindNames.WithArticle(k)}; services run on servers"));
            }
        }
    }
}
