namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// A rack added by a scenario: where it stands, the IT load it draws, the feeds it hangs on and the CRACs that
/// cool it. The position must be free in the room; feeds must name PDUs or UPSs and cooling units CRACs.
/// </summary>
/// <param name="Id">The new rack's id; no twin may have it already.</param>
/// <param name="RoomId">The room it stands in.</param>
/// <param name="Row">Its row label.</param>
/// <param name="Slot">Its slot along the row (1 or more).</param>
/// <param name="ItLoadW">The IT load it draws, W (0 or more).</param>
/// <param name="Feeds">PDUs or UPSs it is fed from, with their path labels; none means the room's first A and B sources.</param>
/// <param name="CoolingUnits">CRACs that cool it; none means every CRAC in the room.</param>
[GenerateSerializer, Immutable, Alias("dt.AddedRack")]
public sealed record AddedRack(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string Row,
    [property: Id(3)] int Slot,
    [property: Id(4)] double ItLoadW,
    [property: Id(5)] IReadOnlyList<Twins.PowerFeed>? Feeds = null,
    [property: Id(6)] IReadOnlyList<string>? CoolingUnits = null);
