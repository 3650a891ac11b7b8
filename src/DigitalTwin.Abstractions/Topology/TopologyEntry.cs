using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// One twin in the topology directory: its id, kind and parent, and the name of its declared kind (<see cref="Type"/>,
/// for example <c>machine</c>) when its topology declares one.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyEntry")]
public sealed record TopologyEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] string? Type = null);

/// <summary>The directory of a scope (live or one scenario) at one version.</summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyView")]
public sealed record TopologyView(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<TopologyEntry> Entries);
