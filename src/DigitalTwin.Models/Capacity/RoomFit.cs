namespace DigitalTwin.Models.Capacity;

/// <summary>
/// How many more servers of a profile fit in a room.
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="Racks">Per rack, each on its own (the others as they are).</param>
/// <param name="ByCooling">Servers the room's cooling takes with N+1 when spread evenly over its racks.</param>
/// <param name="PowerHeadroomW">Power that can be added before the first rack budget or feed (N+1) runs out, summed over racks, W.</param>
/// <param name="CoolingHeadroomW">IT power that can be added, spread evenly, before cooling with N+1 runs out, W.</param>
public sealed record RoomFit(string RoomId, IReadOnlyList<RackFit> Racks, int ByCooling, double PowerHeadroomW, double CoolingHeadroomW)
{
    /// <summary>Servers the room takes: the racks' own limits, capped by the room's cooling.</summary>
    public int Fits => Math.Min(Racks.Sum(r => Math.Min(r.ByPower, r.BySpace)), ByCooling);
}
