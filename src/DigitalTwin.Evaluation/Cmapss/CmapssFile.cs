using System.Globalization;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>
/// Reads the C-MAPSS text files: whitespace-separated rows of unit, cycle, three operational settings and 21 sensors.
/// Each unit becomes one <see cref="UnitHistory"/> whose 24 channels are the settings then the sensors. Rows of a unit
/// must be contiguous with cycles counting up from 1, as NASA ships them; anything else is refused with the line number.
/// </summary>
public static class CmapssFile
{
    /// <summary>Columns per row: unit, cycle, 3 settings, 21 sensors.</summary>
    public const int ColumnCount = 26;

    /// <summary>Reads every unit of a training or test file, in file order.</summary>
    public static IReadOnlyList<UnitHistory> ReadUnits(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: file not found.");

        var units = new List<UnitHistory>();
        var seen = new HashSet<int>();
        var currentUnit = -1;
        var cycles = new List<double[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            if (fields.Length != ColumnCount)
                throw new InvalidDataException($"{name} line {lineNumber}: expected {ColumnCount} columns (unit, cycle, 3 settings, 21 sensors), found {fields.Length}.");

            var values = new double[ColumnCount];
            for (var i = 0; i < ColumnCount; i++)
            {
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                    throw new InvalidDataException($"{name} line {lineNumber} column {i + 1}: '{fields[i]}' is not a number.");
            }
            if (values[0] != Math.Floor(values[0]) || values[1] != Math.Floor(values[1]) || values[0] < 1)
                throw new InvalidDataException($"{name} line {lineNumber}: unit and cycle must be positive whole numbers.");

            var unit = (int)values[0];
            var cycle = (int)values[1];
            if (unit != currentUnit)
            {
                if (currentUnit >= 0) units.Add(new UnitHistory(currentUnit.ToString(CultureInfo.InvariantCulture), cycles));
                if (!seen.Add(unit)) throw new InvalidDataException($"{name} line {lineNumber}: rows of unit {unit} are not contiguous.");
                currentUnit = unit;
                cycles = [];
            }
            if (cycle != cycles.Count + 1)
                throw new InvalidDataException($"{name} line {lineNumber}: unit {unit} cycle {cycle} follows cycle {cycles.Count}; cycles must count up from 1.");
            cycles.Add(values[2..]);
        }
        if (currentUnit < 0) throw new InvalidDataException($"{name}: no data rows.");
        units.Add(new UnitHistory(currentUnit.ToString(CultureInfo.InvariantCulture), cycles));
        return units;
    }

    /// <summary>Reads a true-RUL file: one whole number of cycles per line, in unit order, one line per test unit.</summary>
    public static IReadOnlyList<double> ReadRul(string path, int expectedUnits)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: file not found.");
        var values = new List<double>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0) continue;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rul) || rul < 0)
                throw new InvalidDataException($"{name} line {lineNumber}: '{text}' is not a whole number of cycles.");
            values.Add(rul);
        }
        if (values.Count != expectedUnits)
            throw new InvalidDataException($"{name}: {values.Count} remaining-life values for {expectedUnits} test units; expected one per unit.");
        return values;
    }
}
