using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DataCentreSimulator.Plant;

/// <summary>
/// Builds the physical plant from a topology: what the topology names (positions, ratings, feeds, limits) is
/// honoured; what it leaves out (server thermal mass, fan sizes, workload) is drawn from plausible ranges with the
/// seed, so the twin has to learn them from telemetry as it would in a real hall.
/// </summary>
internal static class PlantBuilder
{
    public static DataCentre Build(TopologyDocument document, int seed)
    {
        var random = new Random(seed);
        var specs = document.Twins.Where(t => t is not null).ToList();
        var children = specs.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!, StringComparer.Ordinal);
        var site = new DataCentre();

        BuildPower(site, specs);
        foreach (var roomSpec in specs.Where(s => s.Kind == TwinKind.Room))
        {
            site.Rooms.Add(BuildRoom(site, roomSpec, children, random));
        }
        var servers = site.Servers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var service in specs.Where(s => s.Kind == TwinKind.Service))
        {
            site.Services.Add(new Service(service.Id, [.. (service.RunsOn ?? []).Where(servers.ContainsKey).Select(id => servers[id])]));
        }
        AssignWorkload(site, random);
        return site;
    }

    private static void BuildPower(DataCentre site, List<TwinSpec> specs)
    {
        foreach (var spec in specs.Where(s => s.Kind is TwinKind.Ups or TwinKind.Pdu))
        {
            var capacity = Rated(spec, RatedProperties.Capacity, spec.Kind == TwinKind.Ups ? 200_000 : 22_000);
            PowerNode node = spec.Kind == TwinKind.Ups
                ? new Ups(spec.Id, capacity, Rated(spec, RatedProperties.BatteryRuntime, 600), PathOf(spec))
                : new Pdu(spec.Id, capacity, PathOf(spec));
            site.PowerNodes[spec.Id] = node;
            if (node is Ups ups) site.Upses.Add(ups);
            if (node is Pdu pdu) site.Pdus.Add(pdu);
        }
        foreach (var spec in specs.Where(s => s.Kind is TwinKind.Ups or TwinKind.Pdu))
        {
            var feed = spec.PowerFeeds?.FirstOrDefault(f => f is not null && site.PowerNodes.ContainsKey(f.SourceId));
            if (feed is null) continue;
            var node = site.PowerNodes[spec.Id];
            node.Upstream = site.PowerNodes[feed.SourceId];
            node.Path = feed.Path;
            // A UPS on the path takes its label from what it feeds, so "feed A fails" finds it.
            if (node.Upstream is Ups upstream) upstream.Path = feed.Path;
        }
    }

    private static string PathOf(TwinSpec spec) => spec.PowerFeeds?.FirstOrDefault()?.Path ?? "A";

    private static Room BuildRoom(DataCentre site, TwinSpec spec, ILookup<string, TwinSpec> children, Random random)
    {
        var racks = children[spec.Id].Where(s => s.Kind == TwinKind.Rack).ToList();
        var cracs = children[spec.Id].Where(s => s.Kind == TwinKind.Crac).ToList();
        // Without a volume the hall is sized from its racks: about 30 m³ of air per rack, a common raised-floor hall.
        var room = new Room(spec.Id, Rated(spec, RatedProperties.Volume, Math.Max(150, racks.Count * 30.0)));
        var rows = FloorPlan.OrderRows(racks.Concat(cracs).Where(s => s.Position is not null).Select(s => s.Position!.Row));
        foreach (var (label, index) in rows.Select((l, i) => (l, i))) room.Rows.Add(new Row(label, index));
        if (room.Rows.Count == 0) room.Rows.Add(new Row("A", 0));

        for (var i = 0; i < cracs.Count; i++)
        {
            var c = cracs[i];
            var (x, y) = c.Position is { } p ? FloorPlan.Locate(p, rows, spec.Rated) : (i * 3.0, -RatedProperties.DefaultRowPitch);
            var crac = new Crac(c.Id, room, x, y)
            {
                CapacityW = Rated(c, RatedProperties.CoolingCapacity, 55_000),
                RatedAirflowM3S = Rated(c, RatedProperties.Airflow, 3.0),
                RatedFanPowerW = Rated(c, RatedProperties.FanPower, 4_000),
                SetpointMinC = Rated(c, RatedProperties.SetpointMin, 15),
                SetpointMaxC = Rated(c, RatedProperties.SetpointMax, 27),
                FanMinPct = Rated(c, RatedProperties.FanMinPercent, 30),
                FanCoastDownS = Rated(c, RatedProperties.FanCoastDown, 15),
            };
            crac.SetpointC = Math.Clamp(20, crac.SetpointMinC, crac.SetpointMaxC);
            crac.SupplyC = crac.SetpointC;
            // Each unit hunts at a period and phase of its own, drawn from its id so the rest of the plant's random
            // draws (and so every seed's world) stay as they were.
            var hunt = new Random(StableHash(c.Id));
            crac.HuntPeriodS = 300 + 900 * hunt.NextDouble();
            crac.HuntPhase = 2 * Math.PI * hunt.NextDouble();
            room.Cracs.Add(crac);
        }

        for (var i = 0; i < racks.Count; i++)
        {
            var r = racks[i];
            var row = r.Position is { } p ? room.Rows.First(x => string.Equals(x.Label, p.Row.Trim(), StringComparison.OrdinalIgnoreCase)) : room.Rows[0];
            var (x, y) = r.Position is { } pos ? FloorPlan.Locate(pos, rows, spec.Rated) : ((i + 0.5) * RatedProperties.DefaultSlotWidth, 0);
            var rack = new Rack(r.Id, room, row, r.Position?.Slot ?? i + 1, x, y);
            BuildRackContents(site, rack, r, children, random);
            row.Racks.Add(rack);
            room.Racks.Add(rack);
        }
        foreach (var row in room.Rows.Where(r => r.Racks.Count > 0))
        {
            var first = row.Racks.Min(r => r.Slot);
            var last = row.Racks.Max(r => r.Slot);
            foreach (var rack in row.Racks) rack.AtRowEnd = rack.Slot == first || rack.Slot == last;
        }
        Physics.AirDistribution.Assign(room);
        return room;
    }

    private static void BuildRackContents(DataCentre site, Rack rack, TwinSpec spec, ILookup<string, TwinSpec> children, Random random)
    {
        foreach (var asset in children[spec.Id])
        {
            var sources = (asset.PowerFeeds ?? []).Where(f => f is not null && site.PowerNodes.ContainsKey(f.SourceId)).Select(f => site.PowerNodes[f.SourceId]).ToList();
            switch (asset.Kind)
            {
                case TwinKind.NetworkSwitch:
                    rack.Switches.Add(new NetworkSwitch(asset.Id, rack, Rated(asset, RatedProperties.NameplatePower, 150) * 0.8, sources));
                    break;
                case TwinKind.Server:
                    var server = BuildServer(asset, rack, sources, children, random);
                    server.Height = Rated(asset, RatedProperties.PositionUnit, rack.Servers.Count + 1);
                    if (asset.Limits?.GetValueOrDefault(MetricNames.InletTemperature) is { } limit)
                    {
                        rack.WarnInletC = limit.WarnAbove ?? rack.WarnInletC;
                        rack.CriticalInletC = limit.CriticalAbove ?? rack.CriticalInletC;
                    }
                    rack.Servers.Add(server);
                    site.Servers.Add(server);
                    break;
            }
        }
        // Height within the stack of servers, bottom 0 to top 1: the top of the stack breathes the exhaust that comes back.
        var units = rack.Servers.Select(s => s.Height).ToList();
        var (low, high) = units.Count == 0 ? (0.0, 0.0) : (units.Min(), units.Max());
        foreach (var server in rack.Servers) server.Height = high > low ? (server.Height - low) / (high - low) : 0.5;
    }

    private static Server BuildServer(TwinSpec spec, Rack rack, List<PowerNode> sources, ILookup<string, TwinSpec> children, Random random)
    {
        var nameplate = Rated(spec, RatedProperties.NameplatePower, 550);
        // Servers of one model still differ: a few percent in power and in the heat their chassis stores.
        var spread = 1 + (random.NextDouble() - 0.5) * 0.1;
        var server = new Server(spec.Id, rack)
        {
            IdlePowerW = nameplate * 0.3 * spread,
            PeakPowerW = nameplate * 0.78 * spread,
            FanPeakPowerW = nameplate * 0.065,
            MaxAirflowKgS = nameplate * 0.78 / (Physics.Air.SpecificHeat * 13 * 0.9),
            HeatCapacity = 9_000 * (1 + (random.NextDouble() - 0.5) * 0.2) * nameplate / 550,
        };
        var components = children[spec.Id].ToList();
        var psus = components.Where(c => c.Kind == TwinKind.Psu).ToList();
        // The n-th PSU is corded to the n-th feed; without PSU twins the server still has one supply per feed.
        var supplies = Math.Max(psus.Count, Math.Max(1, sources.Count));
        for (var i = 0; i < supplies; i++)
        {
            var source = sources.Count == 0 ? null : sources[i % sources.Count];
            server.Psus.Add(i < psus.Count ? new Psu(psus[i].Id, server, source) : new Psu($"{spec.Id}~psu{i}", server, source) { Published = false });
        }
        foreach (var c in components)
        {
            switch (c.Kind)
            {
                case TwinKind.Fan: server.Fans.Add(new Fan(c.Id, server) { MaxRpm = 11_000 + random.Next(0, 2_000) }); break;
                case TwinKind.Disk: server.Disks.Add(new Disk(c.Id, server)); break;
                case TwinKind.Cpu: server.CpuIds.Add(c.Id); break;
                case TwinKind.Memory: server.MemoryId = c.Id; break;
            }
        }
        return server;
    }

    private static void AssignWorkload(DataCentre site, Random random)
    {
        // A service's servers share its load level; servers in no service get a level of their own.
        foreach (var service in site.Services)
        {
            var level = 0.25 + random.NextDouble() * 0.35;
            foreach (var server in service.Servers) server.BaseUtilisation = level + (random.NextDouble() - 0.5) * 0.06;
        }
        var assigned = site.Services.SelectMany(s => s.Servers).ToHashSet();
        foreach (var server in site.Servers.Where(s => !assigned.Contains(s))) server.BaseUtilisation = 0.2 + random.NextDouble() * 0.4;
    }

    private static double Rated(TwinSpec spec, string name, double fallback) =>
        spec.Rated?.TryGetValue(name, out var value) == true && double.IsFinite(value) && value > 0 ? value : fallback;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var ch in text) hash = unchecked(hash * 31 + ch);
        return hash;
    }
}
