using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// A whole topology, or a part of one to merge: a flat list of twin definitions in any order, each naming its
/// parent. The file format (YAML or JSON) is described in the README and parsed by DigitalTwin.Topology.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyDocument")]
public sealed record TopologyDocument(
    [property: Id(0)] IReadOnlyList<TwinSpec> Twins);
