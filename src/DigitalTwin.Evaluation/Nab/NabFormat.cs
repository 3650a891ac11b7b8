using System.Globalization;

namespace DigitalTwin.Evaluation.Nab;

/// <summary>How NAB writes timestamps and numbers in its CSV and JSON files.</summary>
internal static class NabFormat
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    public static DateTime ParseTimestamp(ReadOnlySpan<char> text, string source) =>
        DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp)
            ? timestamp
            : throw new InvalidDataException($"{source}: '{text}' is not a NAB timestamp (yyyy-MM-dd HH:mm:ss).");

    public static double ParseNumber(ReadOnlySpan<char> text, string source) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{source}: '{text}' is not a number.");

    public static string FormatTimestamp(DateTime timestamp) => timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
