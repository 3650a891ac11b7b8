using System.Globalization;

namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// Recommendation ids name their data centre, <c>&lt;dataCentreId&gt;.r&lt;n&gt;</c> (for example
/// <c>dc-lon1.r12</c>), so an id alone finds the cooling grain that holds it.
/// </summary>
public static class CoolingRecommendationIds
{
    private const string Marker = ".r";

    /// <summary>The id of the <paramref name="sequence"/>-th recommendation of a data centre.</summary>
    public static string Format(string dataCentreId, long sequence) =>
        dataCentreId + Marker + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The data centre an id belongs to; false when the id is not of this form.</summary>
    public static bool TryParse(string? id, out string dataCentreId)
    {
        dataCentreId = "";
        if (string.IsNullOrEmpty(id)) return false;
        var at = id.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at <= 0 || at + Marker.Length >= id.Length) return false;
        if (!long.TryParse(id.AsSpan(at + Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
        dataCentreId = id[..at];
        return true;
    }
}
