using System.Collections.Concurrent;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// Each room's thermal parameters as last calibrated from its history on this silo, reused by later scenarios for
/// <see cref="ScenarioOptions.CalibrationMaxAge"/> while the room's racks and CRACs stay the same. Only fits from
/// history are kept (defaults cost nothing to recompute); an entry is tied to the room's layout, so a rack added or
/// removed live is calibrated afresh. Bounded by the number of rooms.
/// </summary>
public sealed class RoomCalibrationCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(string Layout, ThermalParameters Parameters, DateTimeOffset CalibratedAt);

    /// <summary>The room's cached parameters when they fit <paramref name="room"/>'s layout and are younger than <paramref name="maxAge"/>.</summary>
    public bool TryGet(ThermalRoom room, DateTimeOffset now, TimeSpan maxAge, out ThermalParameters parameters, out DateTimeOffset calibratedAt)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (maxAge > TimeSpan.Zero && _entries.TryGetValue(room.Id, out var entry) && entry.Layout == Layout(room)
            && now - entry.CalibratedAt < maxAge && now >= entry.CalibratedAt)
        {
            parameters = entry.Parameters;
            calibratedAt = entry.CalibratedAt;
            return true;
        }
        parameters = null!;
        calibratedAt = default;
        return false;
    }

    /// <summary>Whether every room in <paramref name="roomIds"/> has an entry younger than <paramref name="maxAge"/> (layout unchecked: a cheap first look before reading history).</summary>
    public bool HasFresh(IEnumerable<string> roomIds, DateTimeOffset now, TimeSpan maxAge) =>
        maxAge > TimeSpan.Zero && roomIds.All(id => _entries.TryGetValue(id, out var e) && now - e.CalibratedAt < maxAge && now >= e.CalibratedAt);

    /// <summary>Keeps parameters fitted to <paramref name="room"/>'s history at <paramref name="now"/>.</summary>
    public void Put(ThermalRoom room, ThermalParameters parameters, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(room);
        _entries[room.Id] = new Entry(Layout(room), parameters, now);
    }

    // Which racks and CRACs the parameters were fitted for; their power and settings may change freely.
    private static string Layout(ThermalRoom room) =>
        string.Join('|', room.Racks.Select(r => r.Id).Order(StringComparer.Ordinal)) + "#" + string.Join('|', room.Cracs.Select(c => c.Id).Order(StringComparer.Ordinal));
}
