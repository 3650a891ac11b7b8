namespace DigitalTwin.Abstractions.Capacity;

/// <summary>
/// How many more servers fit in one room (the racks' own fits, capped by cooling with N+1), what stops them first,
/// each resource, and each rack.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.RoomCapacity")]
public sealed record RoomCapacity(
    [property: Id(0)] string RoomId,
    [property: Id(1)] int MoreServers,
    [property: Id(2)] string LimitedBy,
    [property: Id(3)] IReadOnlyList<CapacityLimit> Limits,
    [property: Id(4)] IReadOnlyList<RackCapacity> Racks);
