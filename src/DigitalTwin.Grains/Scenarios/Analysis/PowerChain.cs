using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Scenarios.Plant;
using DigitalTwin.Models.Power;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// Runs the models' <see cref="PowerModel"/> over a plant: its PDUs and UPSs are the nodes, its servers (and added
/// racks' loads) the loads, its failed sources and paths the outage; the result marks each server powered or not,
/// on how many paths, and each source live with its load. Feeds from sources outside the forked subtree are taken
/// as live, since nothing in the scenario touches them.
/// </summary>
internal static class PowerChain
{
    public static void Apply(DataCentrePlant plant)
    {
        var known = plant.Sources;
        var nodes = known.Values.Select(s => new PowerNode(s.Id, s.Kind == TwinKind.Ups ? PowerNodeKind.Ups : PowerNodeKind.Pdu, s.CapacityW,
            s.Inputs.Where(f => known.ContainsKey(f.SourceId)).Select(f => new PowerLink(f.SourceId, f.Path)).ToList())).ToList();
        var loads = plant.Servers.Values.Where(s => s.Feeds.Any(f => known.ContainsKey(f.SourceId)))
            .Select(s => new PowerLoad(s.Id, s.PowerW, s.Feeds.Where(f => known.ContainsKey(f.SourceId)).Select(f => new PowerLink(f.SourceId, f.Path)).ToList()))
            .ToList();
        var outage = new PowerOutage(known.Values.Where(s => s.Failed).Select(s => s.Id).ToList(), plant.FailedPaths.ToList(), []);
        var state = new PowerModel(new PowerNetwork(nodes, loads)).Evaluate(outage);
        foreach (var node in state.Nodes)
        {
            known[node.Id].Live = node.Live;
            known[node.Id].LoadW = node.LoadW;
        }
        var supplies = state.Loads.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var server in plant.Servers.Values)
        {
            // A server fed only from outside the subtree keeps its power and its paths; one whose feeds the topology
            // does not give is not judged on redundancy (counted as redundant rather than reported as a loss).
            if (!supplies.TryGetValue(server.Id, out var supply))
            {
                server.Powered = true;
                server.LivePaths = server.Feeds.Count == 0 ? 2 : server.Feeds.Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                continue;
            }
            server.Powered = supply.Powered;
            server.LivePaths = supply.LiveInputs.Select(i => i.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        }
    }
}
