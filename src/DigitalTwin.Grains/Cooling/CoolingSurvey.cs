using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Scenarios.Forking;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// Gathers a data centre's live cooling state from its twins: racks' power and highest inlet from their rollups,
/// CRACs' settings and readings from their latest values, ratings and positions from their specs, and each room's
/// telemetry history over the calibration window. One topology read, then one snapshot per room, rack and CRAC and the
/// history reads, in parallel.
/// </summary>
public static class CoolingSurvey
{
    /// <summary>The situation of <paramref name="dataCentreId"/>; throws <see cref="InvalidOperationException"/> with a reason when there is nothing to optimise.</summary>
    public static async Task<CoolingSituation> TakeAsync(IGrainFactory grains, string dataCentreId, CoolingOptions options, DateTimeOffset now)
    {
        var inletLimitC = options.InletLimitC;
        var view = await grains.GetLiveTopology().GetViewAsync();
        var byParent = view.Entries.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!, StringComparer.Ordinal);
        var root = view.Entries.FirstOrDefault(e => e.Id == dataCentreId);
        if (root is null || root.Kind != TwinKind.DataCentre) throw new InvalidOperationException($"'{dataCentreId}' is not a data centre of the live twin.");
        var rooms = await Task.WhenAll(byParent[dataCentreId].Where(e => e.Kind == TwinKind.Room)
            .Select(room => RoomAsync(grains, room, byParent, inletLimitC)));
        var cooled = rooms.Where(r => r.Cracs.Count > 0 && r.Racks.Count > 0).ToArray();
        if (cooled.Length == 0) throw new InvalidOperationException($"'{dataCentreId}' has no room with both racks and CRACs.");
        var subtree = Subtree(view.Entries, byParent, cooled.Select(r => r.RoomId));
        var histories = await CalibrationHistory.ReadAsync(grains, subtree, now, options.CalibrationWindow, options.CalibrationParallelism);
        return new CoolingSituation(dataCentreId, now, [.. cooled.Select(r => r with { History = histories.GetValueOrDefault(r.RoomId) })]);
    }

    /// <summary>The rooms and everything under them, by id.</summary>
    private static Dictionary<string, TopologyEntry> Subtree(IEnumerable<TopologyEntry> entries, ILookup<string, TopologyEntry> byParent, IEnumerable<string> roomIds)
    {
        var byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var subtree = new Dictionary<string, TopologyEntry>(StringComparer.Ordinal);
        var pending = new Stack<string>(roomIds);
        while (pending.TryPop(out var id))
        {
            if (!byId.TryGetValue(id, out var entry) || !subtree.TryAdd(id, entry)) continue;
            foreach (var child in byParent[id]) pending.Push(child.Id);
        }
        return subtree;
    }

    private static async Task<RoomSituation> RoomAsync(IGrainFactory grains, TopologyEntry room, ILookup<string, TopologyEntry> byParent, double inletLimitC)
    {
        var racks = byParent[room.Id].Where(e => e.Kind == TwinKind.Rack).ToArray();
        // In-row units stand in a rack, floor-standing ones in the room: both cool the room's air.
        var cracs = byParent[room.Id].Concat(racks.SelectMany(r => byParent[r.Id])).Where(e => e.Kind == TwinKind.Crac).ToArray();
        var roomSnapshot = grains.GetTwin(room.Id, TwinKind.Room).GetSnapshotAsync();
        var rackTasks = racks.Select(r => RackAsync(grains, r, byParent[r.Id].Count(e => e.Kind == TwinKind.Server), inletLimitC)).ToArray();
        var cracTasks = cracs.Select(c => CracAsync(grains, c.Id)).ToArray();
        return new RoomSituation(room.Id, (await roomSnapshot).Spec.Rated ?? new Dictionary<string, double>(),
            await Task.WhenAll(rackTasks), await Task.WhenAll(cracTasks));
    }

    private static async Task<RackSituation> RackAsync(IGrainFactory grains, TopologyEntry rack, int servers, double inletLimitC)
    {
        var s = await grains.GetTwin(rack.Id, TwinKind.Rack).GetSnapshotAsync();
        var own = s.Spec.Limits?.GetValueOrDefault(MetricNames.InletTemperature)?.WarnAbove;
        return new RackSituation(rack.Id, s.Spec.Position, s.Rollup?.ItPowerW ?? 0, s.Rollup?.MaxInletC,
            own is { } l && l < inletLimitC ? l : inletLimitC, s.Spec.CoolingUnits ?? [], servers);
    }

    /// <summary>A unit that went silent, or reports no fan, airflow or power, is not counted on to cool.</summary>
    public static bool IsStopped(TwinSnapshot crac)
    {
        var silent = crac.Health == HealthStatus.Unknown && crac.Latest.Count > 0;
        return silent || ReportsStopped(crac);
    }

    /// <summary>
    /// A unit whose own latest readings say it stopped (no fan, airflow or power). Silence alone is not enough to act on:
    /// telemetry that arrives late on a loaded host would otherwise roll back a recommendation that is fine.
    /// </summary>
    public static bool ReportsStopped(TwinSnapshot crac)
    {
        double? Latest(string metric) => crac.Latest.TryGetValue(metric, out var v) && double.IsFinite(v.Value) ? v.Value : null;
        return Latest(MetricNames.FanPercent) is <= 0 || Latest(MetricNames.Airflow) is <= 0 || Latest(MetricNames.Power) is <= 0;
    }

    private static async Task<CracSituation> CracAsync(IGrainFactory grains, string cracId)
    {
        var s = await grains.GetGrain<IAssetGrain>(cracId).GetSnapshotAsync();
        double? Latest(string metric) => s.Latest.TryGetValue(metric, out var v) && double.IsFinite(v.Value) ? v.Value : null;
        var setpoint = Latest(MetricNames.Setpoint) ?? Latest(MetricNames.SupplyTemperature)
            ?? throw new InvalidOperationException($"CRAC {cracId} reports neither its setpoint nor its supply temperature.");
        var fan = Latest(MetricNames.FanPercent) ?? 100;
        var (min, max) = CoolingRatings.SetpointRange(s.Spec.Rated);
        var (fanMin, _) = CoolingRatings.FanRange(s.Spec.Rated);
        return new CracSituation(cracId, s.Spec.Position, !IsStopped(s),
            CoolingRatings.Rated(s.Spec.Rated, RatedProperties.CoolingCapacity, 0),
            CoolingRatings.Rated(s.Spec.Rated, RatedProperties.Airflow, 0),
            CoolingRatings.Rated(s.Spec.Rated, RatedProperties.FanPower, 0),
            setpoint, fan, min, max, fanMin,
            Latest(MetricNames.SupplyTemperature), Latest(MetricNames.ReturnTemperature), Latest(MetricNames.Power), Latest(MetricNames.CoolingLoad),
            CoolingRatings.Rated(s.Spec.Rated, RatedProperties.FanCoastDown, DigitalTwin.Models.Thermal.ThermalDefaults.CracCoastDownS));
    }
}
