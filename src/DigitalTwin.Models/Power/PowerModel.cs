namespace DigitalTwin.Models.Power;

/// <summary>
/// Load per UPS, PDU and path, headroom, and N / N+1 redundancy of a power chain under any outage. A load shares
/// its power equally among its live inputs; a node carries its loads and the nodes below it; a UPS whose input is
/// lost carries on from its battery for its rated runtime scaled by capacity over load.
/// </summary>
public sealed class PowerModel
{
    private readonly Dictionary<string, PowerNode> nodes;

    /// <summary>A model of <paramref name="network"/>. Refuses inputs from unknown nodes and loops.</summary>
    public PowerModel(PowerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        nodes = new Dictionary<string, PowerNode>(StringComparer.Ordinal);
        foreach (var node in network.Nodes)
            if (!nodes.TryAdd(node.Id, node)) throw new ArgumentException($"{node.Id}: appears twice", nameof(network));
        foreach (var input in network.Nodes.SelectMany(n => n.Inputs).Concat(network.Loads.SelectMany(l => l.Inputs)))
            if (!nodes.ContainsKey(input.SourceId)) throw new ArgumentException($"{input.SourceId}: no such UPS or PDU", nameof(network));
        foreach (var load in network.Loads)
            if (load.PowerW < 0 || !double.IsFinite(load.PowerW)) throw new ArgumentException($"{load.Id}: power must be finite and not negative", nameof(network));
        foreach (var node in network.Nodes) EnsureNoLoop(node.Id, []);
    }

    /// <summary>The chain as described.</summary>
    public PowerNetwork Network { get; }

    private void EnsureNoLoop(string id, HashSet<string> path)
    {
        if (!path.Add(id)) throw new ArgumentException($"{id}: its inputs form a loop", nameof(Network));
        foreach (var input in nodes[id].Inputs) EnsureNoLoop(input.SourceId, path);
        path.Remove(id);
    }

    /// <summary>The chain with <paramref name="outage"/> in effect (none when null).</summary>
    public PowerState Evaluate(PowerOutage? outage = null)
    {
        outage ??= PowerOutage.None;
        var failedNodes = new HashSet<string>(outage.FailedNodes, StringComparer.Ordinal);
        var failedPaths = new HashSet<string>(outage.FailedPaths, StringComparer.OrdinalIgnoreCase);
        var lostUtility = new HashSet<string>(outage.LostUtility, StringComparer.Ordinal);
        var live = new Dictionary<string, (bool Live, bool OnBattery)>(StringComparer.Ordinal);

        (bool Live, bool OnBattery) State(string id)
        {
            if (live.TryGetValue(id, out var known)) return known;
            var node = nodes[id];
            bool fed;
            if (failedNodes.Contains(id)) fed = false;
            else if (node.Inputs.Count == 0) fed = !lostUtility.Contains(id);
            else fed = !lostUtility.Contains(id) && node.Inputs.Any(i => LinkLive(i));
            var result = failedNodes.Contains(id) ? (false, false)
                : fed ? (true, false)
                : node.Kind == PowerNodeKind.Ups && node.BatteryRuntimeS > 0 ? (true, true)
                : (false, false);
            live[id] = result;
            return result;
        }

        bool LinkLive(PowerLink link) => !failedPaths.Contains(link.Path) && State(link.SourceId).Live;

        // Loads first, then each node passes what it carries to its own live inputs, from the leaves upwards.
        var carried = nodes.Keys.ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);
        var supplies = new List<LoadSupply>(Network.Loads.Count);
        foreach (var load in Network.Loads)
        {
            var liveInputs = load.Inputs.Where(LinkLive).ToList();
            foreach (var input in liveInputs) carried[input.SourceId] += load.PowerW / liveInputs.Count;
            supplies.Add(new LoadSupply(load.Id, load.PowerW, liveInputs, load.Inputs));
        }
        foreach (var id in LeavesFirst())
        {
            var node = nodes[id];
            if (!State(id).Live || State(id).OnBattery || node.Inputs.Count == 0) continue;
            var liveInputs = node.Inputs.Where(LinkLive).ToList();
            foreach (var input in liveInputs) carried[input.SourceId] += carried[id] / liveInputs.Count;
        }

        var loads = Network.Nodes.Select(n =>
        {
            var (isLive, onBattery) = State(n.Id);
            var load = isLive ? carried[n.Id] : 0;
            double? remaining = onBattery ? n.BatteryRuntimeS * (load > 0 ? Math.Min(n.CapacityW / load, 10) : 10) : null;
            return new NodeLoad(n.Id, load, n.CapacityW, isLive, onBattery, remaining);
        }).ToList();
        var byPath = new Dictionary<string, (double LoadW, double CapacityW)>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Network.Nodes.Where(n => n.Kind == PowerNodeKind.Pdu))
            foreach (var path in node.Inputs.Select(i => i.Path).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var state = loads.Single(l => l.Id == node.Id);
                byPath.TryGetValue(path, out var sum);
                byPath[path] = (sum.LoadW + state.LoadW, sum.CapacityW + (state.Live ? node.CapacityW : 0));
            }
        return new PowerState(outage, loads, supplies) { ByPath = byPath };
    }

    private List<string> LeavesFirst()
    {
        // A node comes after every node it feeds: depth from the bottom of the chain.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string id)
        {
            if (depth.TryGetValue(id, out var d)) return d;
            var below = Network.Nodes.Where(n => n.Inputs.Any(i => i.SourceId == id)).Select(n => Depth(n.Id) + 1).DefaultIfEmpty(0).Max();
            return depth[id] = below;
        }
        return [.. Network.Nodes.Select(n => n.Id).OrderBy(Depth)];
    }

    /// <summary>Every UPS and PDU a load (or node) draws through, directly or further up.</summary>
    public IReadOnlySet<string> Upstream(string id)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var inputs = Network.Loads.FirstOrDefault(l => l.Id == id)?.Inputs ?? (nodes.TryGetValue(id, out var node) ? node.Inputs : []);
        var pending = new Stack<string>(inputs.Select(i => i.SourceId));
        while (pending.TryPop(out var next))
            if (found.Add(next))
                foreach (var input in nodes[next].Inputs) pending.Push(input.SourceId);
        return found;
    }

    /// <summary>
    /// Fails every UPS, every PDU and every path in turn and says what each single failure costs. N+1 holds when
    /// no single failure loses a load or overloads a node.
    /// </summary>
    public RedundancyReport Redundancy()
    {
        var outages = Network.Nodes.Select(n => PowerOutage.Node(n.Id))
            .Concat(Network.Nodes.SelectMany(n => n.Inputs).Concat(Network.Loads.SelectMany(l => l.Inputs))
                .Select(i => i.Path).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
                .Select(PowerOutage.Path));
        var contingencies = outages.Select(o =>
        {
            var state = Evaluate(o);
            return new PowerContingency(o, state.LostLoads, state.OverloadedNodes);
        }).ToList();
        return new RedundancyReport(contingencies);
    }
}
