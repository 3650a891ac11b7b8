using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// The live state a scenario forked: the directory entries of the whole subtree (components included, so the
/// answer can count them) and the snapshots of the twins the models need (containers and assets).
/// </summary>
internal sealed record ForkedSubtree(
    string RootId,
    IReadOnlyDictionary<string, TopologyEntry> Entries,
    IReadOnlyDictionary<string, TwinSnapshot> Snapshots,
    DateTimeOffset AsOf);
