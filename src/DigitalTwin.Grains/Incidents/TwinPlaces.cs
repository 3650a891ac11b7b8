using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Incidents;

/// <summary>
/// Finds where alerting twins stand, for the correlator: the topology directory (fetched again only when its version
/// changes) gives parents and kinds; the specs of the racks and power sources involved (fetched once per topology
/// version, only for twins that alert) give the cooling units and power feeds. A rack that names no cooling units
/// is served by every CRAC of its room.
/// </summary>
public sealed class TwinPlaces(IGrainFactory grains)
{
    private long _version = -1;
    private Dictionary<string, TopologyEntry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>> _roomCracs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TwinSpec?> _specs = new(StringComparer.Ordinal);

    /// <summary>The places of the twins that raised <paramref name="alerts"/>.</summary>
    public async Task<IReadOnlyDictionary<string, TwinPlace>> ResolveAsync(IReadOnlyList<TwinAlert> alerts)
    {
        await RefreshAsync();
        var places = new Dictionary<string, TwinPlace>(StringComparer.Ordinal);
        foreach (var id in alerts.Select(a => a.TwinId).Distinct())
        {
            if (_entries.TryGetValue(id, out var entry)) places[id] = await PlaceAsync(entry);
        }
        return places;
    }

    /// <summary>The room a CRAC stands in and every CRAC of that room; null when the CRAC is in no room.</summary>
    public async Task<(string RoomId, IReadOnlyList<string> Cracs)?> RoomCoolingAsync(string cracId)
    {
        await RefreshAsync();
        if (!_entries.TryGetValue(cracId, out var crac) || RoomOf(crac) is not { } room) return null;
        return (room, _roomCracs.TryGetValue(room, out var cracs) ? cracs : [cracId]);
    }

    private async Task RefreshAsync()
    {
        var topology = grains.GetLiveTopology();
        var version = await topology.GetVersionAsync();
        if (version == _version) return;
        var view = await topology.GetViewAsync();
        _entries = view.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _roomCracs = view.Entries.Where(e => e.Kind == TwinKind.Crac && e.ParentId is not null)
            .GroupBy(e => e.ParentId!).ToDictionary(g => g.Key, g => g.Select(e => e.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _specs.Clear();
        _version = view.Version;
    }

    private async Task<TwinPlace> PlaceAsync(TopologyEntry entry)
    {
        var asset = entry;
        while (asset.Kind.LevelOf() == TwinLevel.Component && asset.ParentId is { } up && _entries.TryGetValue(up, out var parent)) asset = parent;
        var rack = asset.ParentId is { } p && _entries.TryGetValue(p, out var r) && r.Kind == TwinKind.Rack ? r : null;
        var room = RoomOf(asset);
        var rackSpec = rack is null ? null : await SpecAsync(rack);
        var cooling = rackSpec?.CoolingUnits is { Count: > 0 } listed ? listed
            : room is not null && _roomCracs.TryGetValue(room, out var cracs) ? cracs : [];
        var feeds = new List<string>();
        if (rackSpec?.PowerFeeds is { } rackFeeds) feeds.AddRange(rackFeeds.Select(f => f.SourceId));
        if (asset.Kind is TwinKind.Pdu or TwinKind.Ups or TwinKind.Server && await SpecAsync(asset) is { PowerFeeds: { } own }) feeds.AddRange(own.Select(f => f.SourceId));
        // A PDU fed by a UPS: what the PDU feeds is fed by the UPS too.
        foreach (var source in feeds.ToArray())
        {
            if (_entries.TryGetValue(source, out var pdu) && pdu.Kind == TwinKind.Pdu && await SpecAsync(pdu) is { PowerFeeds: { } upstream })
                feeds.AddRange(upstream.Select(f => f.SourceId));
        }
        return new TwinPlace(entry.Id, entry.Kind, asset.Id, asset.Kind, rack?.Id, room, cooling, feeds.Distinct().ToArray());
    }

    private string? RoomOf(TopologyEntry entry)
    {
        for (var at = entry; at is not null; at = at.ParentId is { } up && _entries.TryGetValue(up, out var parent) ? parent : null)
        {
            if (at.Kind == TwinKind.Room) return at.Id;
        }
        return null;
    }

    private async Task<TwinSpec?> SpecAsync(TopologyEntry entry)
    {
        if (_specs.TryGetValue(entry.Id, out var known)) return known;
        TwinSpec? spec;
        try
        {
            spec = (await grains.GetTwin(entry.Id, entry.Kind).GetSnapshotAsync()).Spec;
        }
        catch (TwinNotFoundException)
        {
            spec = null;
        }
        _specs[entry.Id] = spec;
        return spec;
    }
}
