using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// Writes a scenario's perturbations into its shadow twins, so the shadow graph shows the scenario's state: a
/// failed CRAC stops (fan and cooling at 0), a failed PDU or UPS delivers nothing, setpoints and fan speeds change,
/// servers draw the scaled power, added racks appear in their room. Only shadows are addressed.
/// </summary>
internal static class ShadowPerturbation
{
    public static async Task<IReadOnlyList<TwinRef>> ApplyAsync(IGrainFactory grains, ForkedSubtree fork, ScenarioRequest request, string scenarioId,
        TimeSpan lifetime, DateTimeOffset now)
    {
        var writes = new Dictionary<string, List<Reading>>(StringComparer.Ordinal);
        void Write(string id, string metric, double value)
        {
            if (!writes.TryGetValue(id, out var list)) writes[id] = list = [];
            list.Add(new Reading(metric, value, now));
        }
        foreach (var id in request.Fail ?? [])
        {
            switch (fork.Entries[id].Kind)
            {
                case TwinKind.Crac:
                    Write(id, MetricNames.FanPercent, 0);
                    Write(id, MetricNames.CoolingLoad, 0);
                    break;
                default:
                    Write(id, MetricNames.Power, 0);
                    Write(id, MetricNames.LoadPercent, 0);
                    break;
            }
        }
        foreach (var setting in request.Cracs ?? [])
        {
            if (setting.SetpointC is { } setpoint) Write(setting.CracId, MetricNames.Setpoint, setpoint);
            if (setting.FanPct is { } fan) Write(setting.CracId, MetricNames.FanPercent, fan);
        }
        foreach (var change in request.Loads ?? [])
        {
            var servers = change.TwinIds.SelectMany(id => fork.Entries.TryGetValue(id, out var e) && e.Kind == TwinKind.Rack
                ? fork.Entries.Values.Where(s => s.ParentId == id && s.Kind == TwinKind.Server).Select(s => s.Id)
                : [id]);
            foreach (var server in servers)
            {
                if (fork.Snapshots.GetValueOrDefault(server)?.Latest.GetValueOrDefault(MetricNames.Power) is { } power) Write(server, MetricNames.Power, power.Value * change.Factor);
            }
        }
        await Task.WhenAll(writes.Select(w => grains.GetTelemetryTarget(new TwinKey(w.Key, scenarioId), fork.Entries[w.Key].Kind)!
            .IngestAsync(new TelemetryBatch(w.Key, w.Value))));

        var added = new List<TwinRef>();
        foreach (var rack in request.AddRacks ?? [])
        {
            var spec = new TwinSpec(rack.Id, TwinKind.Rack, rack.RoomId, "added by scenario " + scenarioId,
                Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = rack.ItLoadW },
                Position: new RackPosition(rack.Row, rack.Slot), PowerFeeds: rack.Feeds, CoolingUnits: rack.CoolingUnits);
            var snapshot = new TwinSnapshot(new TwinKey(rack.Id, scenarioId), spec, [], new Dictionary<string, MetricValue>(), HealthStatus.Unknown, null, null, [], now);
            await grains.GetMember(new TwinKey(rack.Id, scenarioId), TwinKind.Rack).SeedAsync(snapshot, TwinKind.Room, lifetime);
            await grains.GetMember(new TwinKey(rack.RoomId, scenarioId), TwinKind.Room).AttachChildrenAsync([new TwinRef(rack.Id, TwinKind.Rack)]);
            added.Add(new TwinRef(rack.Id, TwinKind.Rack));
        }
        return added;
    }
}
