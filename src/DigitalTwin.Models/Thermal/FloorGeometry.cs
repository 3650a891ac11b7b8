namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Floor coordinates of positioned twins (team contract 1): x = (slot − 0.5) × slot width,
/// y = row index × row pitch, where the row index is the place of the row label among the room's distinct row
/// labels sorted ordinally ignoring case.
/// </summary>
public static class FloorGeometry
{
    /// <summary>Default distance between row centre lines, m.</summary>
    public const double DefaultRowPitchM = 3.0;

    /// <summary>Default width of one slot in a row, m.</summary>
    public const double DefaultSlotWidthM = 0.6;

    /// <summary>The floor point of one position given every row label used in the same room.</summary>
    public static FloorPoint Locate(string row, int slot, IEnumerable<string> roomRowLabels,
        double rowPitchM = DefaultRowPitchM, double slotWidthM = DefaultSlotWidthM)
    {
        var rows = roomRowLabels.Append(row).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        var rowIndex = rows.FindIndex(r => string.Equals(r, row, StringComparison.OrdinalIgnoreCase));
        return new FloorPoint((slot - 0.5) * slotWidthM, rowIndex * rowPitchM);
    }
}
