using System.Text.RegularExpressions;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>
/// What a metric name may look like: 1 to 64 characters of letters, digits, '_', '.', '-' and ':', starting with a
/// letter. Names become history grain keys and query terms, so they are kept short and free of separators.
/// </summary>
public static partial class MetricNameRules
{
    /// <summary>The longest metric name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="metric"/> is an acceptable metric name.</summary>
    public static bool IsValid(string? metric) =>
        metric is not null && metric.Length <= MaxLength && Pattern().IsMatch(metric);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
