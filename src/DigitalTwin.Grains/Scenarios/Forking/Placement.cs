using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>Floor coordinates of a room's positioned twins (<see cref="FloorPlan"/>), added racks' rows included.</summary>
internal sealed class Placement(TwinSpec room, IEnumerable<RackPosition> positions)
{
    private readonly IReadOnlyList<string> _rows = FloorPlan.OrderRows(positions.Select(p => p.Row));

    public (double X, double Y)? Of(RackPosition? position) =>
        position is null || !_rows.Contains(position.Row.Trim(), StringComparer.OrdinalIgnoreCase) ? null : FloorPlan.Locate(position, _rows, room.Rated);
}
