namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// What a metric name may look like: 1 to the configured length of letters, digits, '_', '.', '-' and ':',
/// starting with a letter, digit or '_'. Names end up in topics, URLs and dashboards, so nothing else is allowed.
/// </summary>
public static class MetricNameRules
{
    /// <summary>Whether <paramref name="name"/> is an acceptable metric name.</summary>
    public static bool IsValid(ReadOnlySpan<char> name, int maxLength)
    {
        if (name.IsEmpty || name.Length > maxLength) return false;
        if (!(char.IsAsciiLetterOrDigit(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':')) return false;
        }
        return true;
    }
}
