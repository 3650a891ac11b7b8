using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// The live state a scenario forked: the directory entries of the whole subtree (components included, so the
/// answer can count them), the snapshots of the twins the models need (containers and assets), and the definitions
/// of every service in the data centre (a service may run on the subtree's servers from outside it).
/// </summary>
internal sealed record ForkedSubtree(
    string RootId,
    IReadOnlyDictionary<string, TopologyEntry> Entries,
    IReadOnlyDictionary<string, TwinSnapshot> Snapshots,
    DateTimeOffset AsOf,
    IReadOnlyList<TwinSpec> Services);
