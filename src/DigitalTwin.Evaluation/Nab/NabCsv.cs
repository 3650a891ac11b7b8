namespace DigitalTwin.Evaluation.Nab;

/// <summary>Reads the columns NAB's CSV files carry (data files and detector results files alike).</summary>
internal static class NabCsv
{
    /// <summary>Reads the <c>timestamp</c> column and one numeric column, found by its header name.</summary>
    public static (DateTime[] Timestamps, double[] Values) Read(string path, string valueColumn)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: the file is empty.");
        var columns = header.Split(',').Select(c => c.Trim()).ToArray();
        var timestampIndex = Array.IndexOf(columns, "timestamp");
        var valueIndex = Array.IndexOf(columns, valueColumn);
        if (timestampIndex < 0 || valueIndex < 0)
        {
            throw new InvalidDataException($"{path}: expected columns 'timestamp' and '{valueColumn}', found '{header}'.");
        }

        var timestamps = new List<DateTime>();
        var values = new List<double>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var source = $"{path}:{lineNumber}";
            var fields = line.AsSpan();
            ReadOnlySpan<char> timestampField = default, valueField = default;
            var column = 0;
            foreach (var range in fields.Split(','))
            {
                if (column == timestampIndex)
                {
                    timestampField = fields[range];
                }

                if (column == valueIndex)
                {
                    valueField = fields[range];
                }

                column++;
            }

            if (column <= Math.Max(timestampIndex, valueIndex))
            {
                throw new InvalidDataException($"{source}: expected {columns.Length} columns, found {column}.");
            }

            timestamps.Add(NabFormat.ParseTimestamp(timestampField.Trim(), source));
            values.Add(NabFormat.ParseNumber(valueField.Trim(), source));
        }

        return (timestamps.ToArray(), values.ToArray());
    }
}
