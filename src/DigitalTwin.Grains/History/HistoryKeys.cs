using System.Globalization;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.History;

/// <summary>
/// Keys of history grains: <c>{twinKey}|{metric}|{yyyyMMdd}</c>. Neither twin ids nor metric names may contain '|',
/// so a key names exactly one twin, metric and day.
/// </summary>
public static class HistoryKeys
{
    /// <summary>The key of the day holding <paramref name="day"/>'s buckets of a metric of a twin.</summary>
    public static string For(TwinKey twin, string metric, DateOnly day) =>
        $"{twin.ToGrainKey()}|{metric}|{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The UTC day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>The UTC days touched by [from, to).</summary>
    public static IEnumerable<DateOnly> DaysIn(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) yield break;
        var last = DayOf(to - TimeSpan.FromTicks(1));
        for (var day = DayOf(from); day <= last; day = day.AddDays(1)) yield return day;
    }

    /// <summary>The day a history key covers.</summary>
    public static DateOnly DayOfKey(string key) =>
        DateOnly.ParseExact(key[(key.LastIndexOf('|') + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture);
}
