namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// Where a positioned twin (a rack or a floor-standing CRAC) stands on its room's floor, in metres. Rows are ordered by
/// label (ordinal, ignoring case) and spaced <see cref="RatedProperties.RowPitch"/> apart; slots run along a row, each
/// <see cref="RatedProperties.SlotWidth"/> wide. The simulator, the thermal model and the floor plan all place twins
/// by this one rule, so distances mean the same everywhere.
/// </summary>
public static class FloorPlan
{
    /// <summary>The room's row labels in the order that gives each its row index.</summary>
    /// <param name="rows">The row labels of every positioned twin in the room (duplicates and case variants allowed).</param>
    public static IReadOnlyList<string> OrderRows(IEnumerable<string> rows) =>
        [.. rows.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Floor coordinates of <paramref name="position"/>: x = (slot − 0.5) × slot width, y = row index × row pitch.
    /// </summary>
    /// <param name="position">The twin's row and slot.</param>
    /// <param name="orderedRows">The room's rows from <see cref="OrderRows"/>.</param>
    /// <param name="roomRated">The room's rated properties (row pitch and slot width; defaults when absent).</param>
    public static (double X, double Y) Locate(RackPosition position, IReadOnlyList<string> orderedRows, IReadOnlyDictionary<string, double>? roomRated)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(orderedRows);
        var pitch = roomRated?.GetValueOrDefault(RatedProperties.RowPitch) is > 0 and var p ? p : RatedProperties.DefaultRowPitch;
        var width = roomRated?.GetValueOrDefault(RatedProperties.SlotWidth) is > 0 and var w ? w : RatedProperties.DefaultSlotWidth;
        var rowIndex = -1;
        for (var i = 0; i < orderedRows.Count; i++)
        {
            if (string.Equals(orderedRows[i], position.Row.Trim(), StringComparison.OrdinalIgnoreCase)) { rowIndex = i; break; }
        }
        if (rowIndex < 0) throw new ArgumentException($"row '{position.Row}' is not among the room's rows", nameof(position));
        return ((position.Slot - 0.5) * width, rowIndex * pitch);
    }
}
