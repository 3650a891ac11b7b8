using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// Builds <see cref="FloorView"/> from a room's own children: its racks and CRACs, placed by
/// <see cref="FloorPlan"/>, and each rack's servers' specs for its inlet limits. Nothing outside the room is read.
/// </summary>
internal static class FloorReading
{
    public static async Task<FloorView> ReadAsync(IGrainFactory grains, TwinSnapshot room)
    {
        var placed = await Snapshots.OfAsync(grains, room.Children.Where(c => c.Kind is TwinKind.Rack or TwinKind.Crac));
        var rows = FloorPlan.OrderRows(placed.Where(p => p.Spec.Position is not null).Select(p => p.Spec.Position!.Row));
        var racks = new List<FloorTwin>();
        var cracs = new List<FloorTwin>();
        var unplaced = new List<string>();
        var limits = await Task.WhenAll(placed.Select(p => p.Spec.Kind == TwinKind.Rack ? RackLimitsAsync(grains, p) : Task.FromResult<InletLimits?>(null)));
        for (var i = 0; i < placed.Count; i++)
        {
            var twin = placed[i];
            if (twin.Spec.Position is not { } position) { unplaced.Add(twin.Key.TwinId); continue; }
            var (x, y) = FloorPlan.Locate(position, rows, room.Spec.Rated);
            var rack = twin.Spec.Kind == TwinKind.Rack;
            (rack ? racks : cracs).Add(new FloorTwin(twin.Key.TwinId, twin.Spec.Kind, twin.Spec.Name, position.Row, position.Slot, x, y,
                twin.Health, twin.HealthReason, Snapshots.OpenAlerts(twin), rack ? twin.Rollup : null,
                rack ? new Dictionary<string, double>() : Snapshots.Values(twin), limits[i]));
        }
        var pitch = room.Spec.Rated?.GetValueOrDefault(RatedProperties.RowPitch) is > 0 and var p ? p : RatedProperties.DefaultRowPitch;
        var width = room.Spec.Rated?.GetValueOrDefault(RatedProperties.SlotWidth) is > 0 and var w ? w : RatedProperties.DefaultSlotWidth;
        var all = racks.Concat(cracs).ToList();
        return new FloorView(room.Key.TwinId, room.Spec.Name, pitch, width, rows,
            all.Count == 0 ? 0 : all.Max(t => t.X) + width / 2, all.Count == 0 ? 0 : all.Max(t => t.Y),
            [.. racks.OrderBy(r => r.Y).ThenBy(r => r.X)], [.. cracs.OrderBy(c => c.Id, StringComparer.Ordinal)], unplaced, room.AsOf);
    }

    /// <summary>The rack's inlet limits from its own spec and its servers'.</summary>
    public static async Task<InletLimits?> RackLimitsAsync(IGrainFactory grains, TwinSnapshot rack)
    {
        var servers = await Snapshots.OfAsync(grains, rack.Children.Where(c => c.Kind == TwinKind.Server));
        return InletLimits.Of([rack.Spec, .. servers.Select(s => s.Spec)]);
    }
}
