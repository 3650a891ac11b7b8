namespace DigitalTwin.Abstractions.Capacity;

/// <summary>How many more servers fit in one rack, what stops them first, and each resource.</summary>
[GenerateSerializer, Immutable, Alias("dt.RackCapacity")]
public sealed record RackCapacity(
    [property: Id(0)] string RackId,
    [property: Id(1)] int MoreServers,
    [property: Id(2)] string LimitedBy,
    [property: Id(3)] IReadOnlyList<CapacityLimit> Limits);
