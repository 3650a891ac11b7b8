using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Scenarios.Forking;
using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>
/// Builds the models' view of a forked subtree and applies a request's perturbations to it. What is read from
/// telemetry and what falls back to rated properties or defaults is recorded as it is decided.
/// </summary>
internal static class PlantBuilder
{
    /// <summary>ASHRAE A1 allowable inlet, °C: the limit of a rack none of whose twins names one.</summary>
    public const double DefaultInletLimitC = 32;
    private const double DefaultSetpointC = 18;
    private const double DefaultLoadShare = 0.6;
    private const double DefaultServerPowerW = 400;

    /// <summary>
    /// The plant of <paramref name="fork"/> under <paramref name="perturbations"/>. A CRAC in <paramref name="failing"/>
    /// (the question's failures, passed for every run of one question) that already reports it stopped is described
    /// running before it fails: the room model starts from a steady state, and the room's readings are those of a
    /// room cooled by it moments ago, not of the steady state without it, which it takes many minutes to reach.
    /// </summary>
    public static DataCentrePlant Build(ForkedSubtree fork, ScenarioRequest perturbations, IReadOnlyCollection<string>? failing = null)
    {
        var plant = new DataCentrePlant();
        var entries = fork.Entries;
        var snapshots = fork.Snapshots;
        TwinSnapshot? Snap(string id) => snapshots.GetValueOrDefault(id);

        foreach (var room in entries.Values.Where(e => e.Kind == TwinKind.Room))
        {
            var spec = Snap(room.Id)!.Spec;
            var rated = spec.Rated?.GetValueOrDefault(RatedProperties.Volume) is > 0 and var v ? v : (double?)null;
            var bypass = CoolingRatings.Rated(spec.Rated, RatedProperties.BypassFraction, double.NaN) is >= 0 and var b ? b : (double?)null;
            plant.Rooms[room.Id] = new PlantRoom { Id = room.Id, VolumeM3 = rated ?? 0, VolumeRated = rated is not null, BypassFraction = bypass,
                SurveyedReach = CoolingRatings.SurveyedReach(spec.Rated) };
        }

        var placements = plant.Rooms.Keys.ToDictionary(id => id, id => new Placement(Snap(id)!.Spec,
            entries.Values.Where(e => e.ParentId == id).Select(e => Snap(e.Id)?.Spec.Position).OfType<RackPosition>()
                .Concat(perturbations.AddRacks?.Where(a => a.RoomId == id).Select(a => new RackPosition(a.Row, a.Slot)) ?? [])));

        foreach (var entry in entries.Values.Where(e => e.Kind == TwinKind.Crac && e.ParentId is not null && plant.Rooms.ContainsKey(e.ParentId)))
        {
            plant.Cracs[entry.Id] = Crac(Snap(entry.Id)!, entry.ParentId!, placements[entry.ParentId!], plant, failing?.Contains(entry.Id) == true);
        }
        foreach (var entry in entries.Values.Where(e => e.Kind is TwinKind.Pdu or TwinKind.Ups))
        {
            var spec = Snap(entry.Id)!.Spec;
            plant.Sources[entry.Id] = new PlantSource
            {
                Id = entry.Id, Kind = entry.Kind, CapacityW = spec.Rated?.GetValueOrDefault(RatedProperties.Capacity) ?? 0, Inputs = spec.PowerFeeds ?? [],
            };
        }
        foreach (var entry in entries.Values.Where(e => e.Kind == TwinKind.Rack && e.ParentId is not null && plant.Rooms.ContainsKey(e.ParentId)))
        {
            var rack = Rack(fork, entry.Id, entry.ParentId!, placements[entry.ParentId!], plant);
            plant.Racks[rack.Id] = rack;
            plant.Rooms[rack.RoomId].Racks.Add(rack);
        }
        foreach (var crac in plant.Cracs.Values) plant.Rooms[crac.RoomId].Cracs.Add(crac);
        foreach (var added in perturbations.AddRacks ?? []) AddRack(plant, added, placements[added.RoomId]);
        foreach (var server in plant.Servers.Values)
        {
            foreach (var feed in server.Feeds) plant.Sources.GetValueOrDefault(feed.SourceId)?.Paths.Add(feed.Path);
        }
        foreach (var source in plant.Sources.Values)
        {
            foreach (var feed in source.Inputs) plant.Sources.GetValueOrDefault(feed.SourceId)?.Paths.Add(feed.Path);
        }
        Perturb(plant, perturbations);
        return plant;
    }

    private static PlantCrac Crac(TwinSnapshot crac, string roomId, Placement placement, DataCentrePlant plant, bool failing)
    {
        var spec = crac.Spec;
        var capacity = spec.Rated?.GetValueOrDefault(RatedProperties.CoolingCapacity) ?? 0;
        var airflow = spec.Rated?.GetValueOrDefault(RatedProperties.Airflow) is > 0 and var a ? a : (double?)null;
        if (airflow is null) plant.Defaulted.Add($"{spec.Id}: airflow from its capacity at a 12 K rise ({RatedProperties.Airflow} not rated)");
        var setpoint = Latest(crac, MetricNames.Setpoint);
        if (setpoint is null) plant.Defaulted.Add($"{spec.Id}: setpoint {DefaultSetpointC} °C (no setpoint_c reading)");
        var fan = Latest(crac, MetricNames.FanPercent);
        if (failing && (fan is <= 0 || Latest(crac, MetricNames.Airflow) is <= 0 || Latest(crac, MetricNames.Power) is <= 0))
        {
            fan = null;
            plant.Defaulted.Add($"{spec.Id}: reports it stopped; described running at full fan until it fails at the start");
        }
        return new PlantCrac
        {
            Id = spec.Id, RoomId = roomId, Floor = placement.Of(spec.Position), CapacityW = capacity,
            AirflowM3S = airflow ?? 0, AirflowRated = airflow is not null, FanPowerW = spec.Rated?.GetValueOrDefault(RatedProperties.FanPower) ?? 0,
            SetpointC = setpoint ?? DefaultSetpointC, FanPct = fan ?? 100,
            // A range the topology leaves out is the common one (GetValueOrDefault would read it as 0 °C and 0 %).
            SetpointMinC = CoolingRatings.SetpointRange(spec.Rated).Min,
            SetpointMaxC = CoolingRatings.SetpointRange(spec.Rated).Max,
            FanMinPct = CoolingRatings.FanRange(spec.Rated).Min,
            // A missing rating is the default, not 0 (GetValueOrDefault would read it as a fan that stops dead).
            FanCoastDownS = CoolingRatings.Rated(spec.Rated, RatedProperties.FanCoastDown, DigitalTwin.Models.Thermal.ThermalDefaults.CracCoastDownS),
            ObservedSupplyC = Latest(crac, MetricNames.SupplyTemperature),
            ObservedReturnC = Latest(crac, MetricNames.ReturnTemperature),
        };
    }

    private static PlantRack Rack(ForkedSubtree fork, string rackId, string roomId, Placement placement, DataCentrePlant plant)
    {
        var snapshot = fork.Snapshots[rackId];
        var members = fork.Entries.Values.Where(e => e.ParentId == rackId && e.Kind.LevelOf() == TwinLevel.Asset)
            .Select(e => fork.Snapshots[e.Id]).ToList();
        var servers = members.Where(m => m.Spec.Kind == TwinKind.Server).ToList();
        var limit = snapshot.Spec.Limits?.GetValueOrDefault(MetricNames.InletTemperature)?.CriticalAbove
            ?? servers.Select(s => s.Spec.Limits?.GetValueOrDefault(MetricNames.InletTemperature)?.CriticalAbove).Where(l => l is not null).Min()
            ?? DefaultInletLimitC;
        var inlets = servers.Select(s => Latest(s, MetricNames.InletTemperature)).OfType<double>().ToList();
        var outlets = servers.Select(s => Latest(s, MetricNames.OutletTemperature)).OfType<double>().ToList();
        var rack = new PlantRack
        {
            Id = rackId, RoomId = roomId, Floor = placement.Of(snapshot.Spec.Position),
            CoolingUnits = snapshot.Spec.CoolingUnits ?? [], LimitC = limit,
            ObservedInletC = inlets.Count > 0 ? inlets.Max() : null,
            ObservedOutletC = outlets.Count > 0 ? outlets.Average() : null,
            NameplateW = servers.Sum(s => s.Spec.Rated?.GetValueOrDefault(RatedProperties.NameplatePower) ?? 0),
        };
        var defaultedPower = 0;
        foreach (var server in servers)
        {
            var power = Latest(server, MetricNames.Power);
            if (power is null) defaultedPower++;
            var planted = new PlantServer
            {
                Id = server.Spec.Id, RackId = rackId,
                PowerW = power ?? (server.Spec.Rated?.GetValueOrDefault(RatedProperties.NameplatePower) is > 0 and var n ? n * DefaultLoadShare : DefaultServerPowerW),
                Feeds = server.Spec.PowerFeeds is { Count: > 0 } feeds ? feeds : snapshot.Spec.PowerFeeds ?? [],
            };
            rack.Servers.Add(planted);
            plant.Servers[planted.Id] = planted;
        }
        foreach (var other in members.Where(m => m.Spec.Kind == TwinKind.NetworkSwitch))
        {
            rack.OtherPowerW += Latest(other, MetricNames.Power) ?? other.Spec.Rated?.GetValueOrDefault(RatedProperties.NameplatePower) ?? 0;
        }
        if (servers.Count > 0 && defaultedPower == 0) plant.Calibrated.Add($"{rackId}: IT power from {servers.Count} servers' power_w");
        else if (defaultedPower > 0) plant.Defaulted.Add($"{rackId}: power of {defaultedPower} servers at {DefaultLoadShare:P0} of nameplate (no power_w reading)");
        return rack;
    }

    private static void AddRack(DataCentrePlant plant, AddedRack added, Placement placement)
    {
        var room = plant.Rooms[added.RoomId];
        var rack = new PlantRack
        {
            Id = added.Id, RoomId = added.RoomId, Floor = placement.Of(new RackPosition(added.Row, added.Slot)),
            CoolingUnits = added.CoolingUnits is { Count: > 0 } units ? units : room.Cracs.Select(c => c.Id).ToList(),
            LimitC = DefaultInletLimitC, Added = true,
        };
        var feeds = added.Feeds is { Count: > 0 } given ? given : DefaultFeeds(plant, room);
        // The added load is one server-like load, so the power model routes it over the rack's feeds.
        var load = new PlantServer { Id = added.Id, RackId = added.Id, PowerW = added.ItLoadW, Feeds = feeds };
        rack.Servers.Add(load);
        plant.Servers[load.Id] = load;
        plant.Racks[rack.Id] = rack;
        room.Racks.Add(rack);
    }

    /// <summary>An added rack without feeds hangs on the room's first source of each path, as a new rack's whips would.</summary>
    private static IReadOnlyList<PowerFeed> DefaultFeeds(DataCentrePlant plant, PlantRoom room) =>
        room.Racks.SelectMany(r => r.Servers).SelectMany(s => s.Feeds)
            .GroupBy(f => f.Path, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.SourceId, StringComparer.Ordinal).First()).ToList();

    private static void Perturb(DataCentrePlant plant, ScenarioRequest request)
    {
        foreach (var id in request.Fail ?? [])
        {
            if (plant.Cracs.TryGetValue(id, out var crac)) crac.Failed = true;
            if (plant.Sources.TryGetValue(id, out var source)) source.Failed = true;
        }
        foreach (var path in request.FailPaths ?? []) plant.FailedPaths.Add(path);
        foreach (var change in request.Loads ?? [])
        {
            foreach (var id in change.TwinIds)
            {
                if (plant.Servers.TryGetValue(id, out var server)) server.PowerW *= change.Factor;
                else if (plant.Racks.TryGetValue(id, out var rack))
                {
                    foreach (var s in rack.Servers) s.PowerW *= change.Factor;
                }
            }
        }
        foreach (var setting in request.Cracs ?? [])
        {
            if (!plant.Cracs.TryGetValue(setting.CracId, out var crac)) continue;
            if (setting.SetpointC is { } setpoint) crac.SetpointC = setpoint;
            if (setting.FanPct is { } fan) crac.FanPct = fan;
        }
    }

    private static double? Latest(TwinSnapshot snapshot, string metric) =>
        snapshot.Latest.TryGetValue(metric, out var value) && double.IsFinite(value.Value) ? value.Value : null;
}
