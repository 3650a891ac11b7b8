using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// A whole topology, or a part of one to merge: a flat list of twin definitions in any order, each naming its
/// parent, and the kinds the document declares for its own domain (<see cref="DeclaredKind"/>). The file format (YAML
/// or JSON) is described in the README and parsed by DigitalTwin.Topology.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyDocument")]
public sealed record TopologyDocument(
    [property: Id(0)] IReadOnlyList<TwinSpec> Twins,
    [property: Id(1)] IReadOnlyList<DeclaredKind>? Kinds = null);
