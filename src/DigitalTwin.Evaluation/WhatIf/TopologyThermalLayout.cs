using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// Reads every room's <see cref="RoomLayout"/> from twin specs (a topology file or the live graph's specs): floor
/// coordinates by team contract 1, CRAC ratings by contract 2, inlet limits from the servers' <c>criticalAbove</c>
/// on <c>inlet_temp_c</c> (the lowest in the rack), else 32 °C.
/// </summary>
public static class TopologyThermalLayout
{
    /// <summary>One layout per room that has racks or CRACs.</summary>
    public static IReadOnlyList<RoomLayout> Build(IReadOnlyList<TwinSpec> twins)
    {
        var byParent = twins.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!, StringComparer.Ordinal);
        var layouts = new List<RoomLayout>();
        foreach (var room in twins.Where(t => t.Kind == TwinKind.Room))
        {
            var children = byParent[room.Id].ToList();
            var rows = children.Where(c => c.Position is not null).Select(c => c.Position!.Row).ToList();
            var pitch = Rated(room, "row_pitch_m") ?? FloorGeometry.DefaultRowPitchM;
            var width = Rated(room, "slot_width_m") ?? FloorGeometry.DefaultSlotWidthM;
            FloorPoint? Locate(TwinSpec t) => t.Position is null ? null : FloorGeometry.Locate(t.Position.Row, t.Position.Slot, rows, pitch, width);
            var racks = children.Where(c => c.Kind == TwinKind.Rack).Select(rack =>
            {
                var servers = byParent[rack.Id].Where(s => s.Kind == TwinKind.Server).ToList();
                var limits = servers.Select(s => s.Limits is not null && s.Limits.TryGetValue("inlet_temp_c", out var l) ? l.CriticalAbove : null)
                    .Where(l => l is not null).Select(l => l!.Value).ToList();
                return new RackLayout(rack.Id, Locate(rack), [.. servers.Select(s => s.Id)],
                    servers.Sum(s => Rated(s, "nameplate_power_w") ?? 0),
                    limits.Count > 0 ? limits.Min() : ThermalDefaults.InletLimitC,
                    rack.CoolingUnits ?? [],
                    [.. byParent[rack.Id].Where(s => s.Kind == TwinKind.NetworkSwitch).Select(s => s.Id)]);
            }).ToList();
            var cracs = children.Where(c => c.Kind == TwinKind.Crac).Select(c => new ThermalCrac(
                c.Id, Locate(c), Rated(c, "cooling_capacity_w") ?? 0, Rated(c, "airflow_m3_s") ?? 0,
                SetpointC: 18, FanPct: 100, Running: true, FanPowerW: Rated(c, "fan_power_w") ?? 0,
                SetpointMinC: Rated(c, "setpoint_min_c") ?? 14, SetpointMaxC: Rated(c, "setpoint_max_c") ?? 27,
                FanMinPct: Rated(c, "fan_min_pct") ?? 30,
                FanCoastDownS: Rated(c, "fan_coast_down_s") ?? ThermalDefaults.CracCoastDownS)).ToList();
            if (racks.Count == 0 && cracs.Count == 0) continue;
            layouts.Add(new RoomLayout(room.Id, Rated(room, "volume_m3") ?? 0, racks, cracs, Rated(room, "bypass_fraction"),
                FloorReach.Surveyed(Rated(room, "air_reach_m"), Rated(room, "plenum_share"))));
        }
        return layouts;
    }

    private static double? Rated(TwinSpec twin, string name) =>
        twin.Rated is not null && twin.Rated.TryGetValue(name, out var value) ? value : null;
}
