namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// What a metric name may look like: 1 to the configured length of letters, digits, '_', '.', '-' and ':',
/// starting with a letter: the twins' own rule, checked here so a bad name is refused before any grain call.
/// </summary>
public static class MetricNameRules
{
    /// <summary>Whether <paramref name="name"/> is an acceptable metric name.</summary>
    public static bool IsValid(ReadOnlySpan<char> name, int maxLength)
    {
        if (name.IsEmpty || name.Length > maxLength) return false;
        if (!char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':')) return false;
        }
        return true;
    }
}
