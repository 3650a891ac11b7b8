namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// What a room knows, from its children's latest reports, about the room around one rack: the other racks with open
/// alerts, and the cooling units in trouble (open alerts, health Warning or worse, supply air well above setpoint, or no power
/// drawn). It tells an operator that a server's hot inlet belongs to the room's cooling, not to the server.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.grains.RoomNeighbourhood")]
public sealed record RoomNeighbourhood(
    [property: Id(0)] string RoomId,
    [property: Id(1)] int OtherRacks,
    [property: Id(2)] int OtherRacksWithAlerts,
    [property: Id(3)] IReadOnlyList<string> CoolingInTrouble);
