using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// Floor coordinates of positioned twins in a room (the team's geometry contract): x = (slot − 0.5) × slot width,
/// y = row index × row pitch, the row index being the row label's place among the room's distinct labels sorted
/// ordinally ignoring case.
/// </summary>
internal sealed class Placement
{
    public const string RowPitch = "row_pitch_m";
    public const string SlotWidth = "slot_width_m";
    private const double DefaultRowPitchM = 3.0;
    private const double DefaultSlotWidthM = 0.6;

    private readonly List<string> _rows;
    private readonly double _pitch;
    private readonly double _width;

    public Placement(TwinSpec room, IEnumerable<RackPosition> positions)
    {
        _pitch = room.Rated?.GetValueOrDefault(RowPitch) is > 0 and var p ? p : DefaultRowPitchM;
        _width = room.Rated?.GetValueOrDefault(SlotWidth) is > 0 and var w ? w : DefaultSlotWidthM;
        _rows = positions.Select(p => p.Row).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public (double X, double Y)? Of(RackPosition? position)
    {
        if (position is null) return null;
        var row = _rows.FindIndex(r => string.Equals(r, position.Row, StringComparison.OrdinalIgnoreCase));
        return row < 0 ? null : ((position.Slot - 0.5) * _width, row * _pitch);
    }
}
