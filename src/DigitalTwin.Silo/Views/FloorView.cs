namespace DigitalTwin.Silo.Views;

/// <summary>
/// A room's floor plan (<c>GET /api/views/floor/{roomId}</c>): its rows in index order, the floor's extent in metres,
/// its positioned racks and CRACs, and the ids of racks and CRACs the topology gives no position (listed, not drawn).
/// </summary>
public sealed record FloorView(
    string RoomId,
    string? Name,
    double RowPitchM,
    double SlotWidthM,
    IReadOnlyList<string> Rows,
    double WidthM,
    double DepthM,
    IReadOnlyList<FloorTwin> Racks,
    IReadOnlyList<FloorTwin> Cracs,
    IReadOnlyList<string> Unplaced,
    DateTimeOffset AsOf);
