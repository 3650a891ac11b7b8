namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// The outcome of an import or a live change. When <see cref="Applied"/> is false, nothing was changed and
/// <see cref="Errors"/> holds one entry per problem.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyChangeResult")]
public sealed record TopologyChangeResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] IReadOnlyList<TopologyError> Errors,
    [property: Id(2)] int Created,
    [property: Id(3)] int Updated,
    [property: Id(4)] int Moved,
    [property: Id(5)] int Removed,
    [property: Id(6)] long Version)
{
    /// <summary>A refusal that changed nothing.</summary>
    public static TopologyChangeResult Refused(IReadOnlyList<TopologyError> errors, long version) =>
        new(false, errors, 0, 0, 0, 0, version);
}
