namespace DigitalTwin.Abstractions.Capacity;

/// <summary>The capacity of a data centre for servers of one power and size, room by room and rack by rack.</summary>
[GenerateSerializer, Immutable, Alias("dt.CapacityAnswer")]
public sealed record CapacityAnswer(
    [property: Id(0)] string DataCentreId,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] double ServerPowerW,
    [property: Id(3)] double ServerSizeU,
    [property: Id(4)] int MoreServers,
    [property: Id(5)] IReadOnlyList<RoomCapacity> Rooms);
