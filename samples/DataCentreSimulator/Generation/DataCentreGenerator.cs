using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DataCentreSimulator.Generation;

/// <summary>
/// Generates a data centre of a given size in the topology format (<c>--servers</c>, <c>--rooms</c>; the demo's is
/// 500 servers in 2 rooms): per room two rows of racks with about 21 one-unit servers each, CRACs along the two
/// walls parallel to the rows (N+1: one more than the room's peak heat needs), an A and a B UPS; per rack an A and a B PDU and a
/// top-of-rack switch; per server a CPU, two disks, two fans and two PSUs (PSU n on feed n); and services that run
/// on servers spread over racks and rooms. Limits are the ones operators work to (ASHRAE inlet 27/32 °C).
/// </summary>
internal static class DataCentreGenerator
{
    private const int ServersPerRack = 21;
    private const int RacksPerRow = 6;
    private const double ServerNameplateW = 550;
    private const double CracCapacityW = 55_000, CracAirflowM3S = 3.0, CracFanPowerW = 4_000;

    private static readonly string[] ServiceNames = ["web", "api", "checkout", "search", "db", "cache", "queue", "batch", "analytics", "auth", "storage", "monitoring"];

    public static TopologyDocument Generate(int servers, int rooms, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rooms, 1);
        var random = new Random(seed);
        var twins = new List<TwinSpec>();
        const string dc = "dc-sim";
        twins.Add(new TwinSpec(dc, TwinKind.DataCentre, null, "Simulated data centre", Tags: ["simulated"]));
        var allServers = new List<string>();

        for (var r = 0; r < rooms; r++)
        {
            var letter = (char)('a' + r % 26);
            var roomServers = servers / rooms + (r < servers % rooms ? 1 : 0);
            var racks = Math.Max(1, (int)Math.Round(roomServers / (double)ServersPerRack));
            var rows = Math.Max(1, (racks + RacksPerRow - 1) / RacksPerRow);
            var perRow = (racks + rows - 1) / rows;
            var room = $"room-{letter}";
            // About 35 m³ of air per rack: aisles, the space above the racks and the raised floor.
            twins.Add(new TwinSpec(room, TwinKind.Room, dc, $"Data Hall {char.ToUpperInvariant(letter)}",
                Rated: new Dictionary<string, double> { [RatedProperties.Volume] = racks * 35, [RatedProperties.RowPitch] = RatedProperties.DefaultRowPitch, [RatedProperties.SlotWidth] = RatedProperties.DefaultSlotWidth }));

            // Servers rarely draw more than about 60 % of nameplate, even flat out.
            var peakW = roomServers * ServerNameplateW * 0.6;
            var upsCapacity = Math.Ceiling(peakW * 1.5 / 10_000) * 10_000;
            foreach (var path in new[] { "A", "B" })
            {
                twins.Add(new TwinSpec($"ups-{letter}-{path.ToLowerInvariant()}", TwinKind.Ups, room, $"UPS {char.ToUpperInvariant(letter)}-{path}",
                    Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = upsCapacity, [RatedProperties.BatteryRuntime] = 600 },
                    Limits: new Dictionary<string, MetricLimit>
                    {
                        [MetricNames.LoadPercent] = new(WarnAbove: 80, CriticalAbove: 95),
                        [MetricNames.BatteryCharge] = new(WarnBelow: 50, CriticalBelow: 20),
                    }));
            }

            // N+1: enough units for the room's peak heat at 80 % of nominal capacity, plus one.
            var cracs = (int)Math.Ceiling(peakW / (CracCapacityW * 0.8)) + 1;
            // Units stand along both walls parallel to the rows (rows A and the one after the last rack row), alternating.
            var walls = new[] { RowName(0), RowName(rows + 1) };
            var cracIds = new List<string>();
            for (var c = 0; c < cracs; c++)
            {
                var id = $"crac-{letter}{c + 1}";
                cracIds.Add(id);
                twins.Add(new TwinSpec(id, TwinKind.Crac, room, $"CRAC {char.ToUpperInvariant(letter)}{c + 1}",
                    Position: new RackPosition(walls[c % 2], 1 + c * Math.Max(1, perRow) / cracs + Math.Max(1, perRow) / (2 * cracs)),
                    Rated: new Dictionary<string, double>
                    {
                        [RatedProperties.CoolingCapacity] = CracCapacityW,
                        [RatedProperties.Airflow] = CracAirflowM3S,
                        [RatedProperties.FanPower] = CracFanPowerW,
                        [RatedProperties.SetpointMin] = 15,
                        [RatedProperties.SetpointMax] = 27,
                        [RatedProperties.FanMinPercent] = 30,
                    },
                    Limits: new Dictionary<string, MetricLimit> { [MetricNames.SupplyTemperature] = new(WarnAbove: 24, CriticalAbove: 27) }));
            }

            for (var k = 0; k < racks; k++)
            {
                var rowIndex = k / perRow;
                var slot = k % perRow + 1;
                var rack = $"rack-{letter}{k + 1:00}";
                var inRack = roomServers / racks + (k < roomServers % racks ? 1 : 0);
                var pduA = $"pdu-{letter}{k + 1:00}-a";
                var pduB = $"pdu-{letter}{k + 1:00}-b";
                var nearest = cracIds.OrderBy(c => Math.Abs(cracIds.IndexOf(c) * perRow / (double)cracs + perRow / (2.0 * cracs) - (slot - 0.5))).Take(2).ToList();
                twins.Add(new TwinSpec(rack, TwinKind.Rack, room, Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = 12_000, [RatedProperties.HeightUnits] = 42 },
                    Position: new RackPosition(RowName(rowIndex + 1), slot),
                    PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")],
                    CoolingUnits: nearest));
                foreach (var (pdu, path) in new[] { (pduA, "A"), (pduB, "B") })
                {
                    twins.Add(new TwinSpec(pdu, TwinKind.Pdu, rack, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 16_000 },
                        PowerFeeds: [new PowerFeed($"ups-{letter}-{path.ToLowerInvariant()}", path)],
                        Limits: new Dictionary<string, MetricLimit> { [MetricNames.LoadPercent] = new(WarnAbove: 80, CriticalAbove: 95) }));
                }
                twins.Add(new TwinSpec($"sw-{letter}{k + 1:00}", TwinKind.NetworkSwitch, rack,
                    Rated: new Dictionary<string, double> { [RatedProperties.PositionUnit] = 42, [RatedProperties.SizeUnits] = 1, [RatedProperties.NameplatePower] = 200 },
                    PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")],
                    Limits: new Dictionary<string, MetricLimit> { [MetricNames.Temperature] = new(WarnAbove: 50, CriticalAbove: 60) }));
                for (var s = 0; s < inRack; s++)
                {
                    var server = $"srv-{letter}{k + 1:00}-{s + 1:00}";
                    allServers.Add(server);
                    twins.Add(new TwinSpec(server, TwinKind.Server, rack,
                        Rated: new Dictionary<string, double> { [RatedProperties.PositionUnit] = 1 + s * Math.Max(1, 41 / Math.Max(1, inRack)), [RatedProperties.SizeUnits] = 1, [RatedProperties.NameplatePower] = ServerNameplateW },
                        Limits: new Dictionary<string, MetricLimit> { [MetricNames.InletTemperature] = new(WarnAbove: 27, CriticalAbove: 32) },
                        PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")]));
                    AddComponents(twins, server);
                }
            }
        }

        AddServices(twins, dc, allServers, random);
        return new TopologyDocument(twins);
    }

    private static void AddComponents(List<TwinSpec> twins, string server)
    {
        twins.Add(new TwinSpec($"{server}-cpu", TwinKind.Cpu, server, Limits: Limit(MetricNames.Temperature, warnAbove: 85, criticalAbove: 95)));
        foreach (var n in new[] { 1, 2 })
        {
            twins.Add(new TwinSpec($"{server}-disk{n}", TwinKind.Disk, server, Limits: new Dictionary<string, MetricLimit>
            {
                [MetricNames.Temperature] = new(WarnAbove: 50, CriticalAbove: 55),
                [MetricNames.ReallocatedSectors] = new(WarnAbove: 50, CriticalAbove: 500),
            }));
        }
        foreach (var n in new[] { 1, 2 })
        {
            twins.Add(new TwinSpec($"{server}-fan{n}", TwinKind.Fan, server, Limits: new Dictionary<string, MetricLimit> { [MetricNames.FanSpeed] = new(WarnBelow: 2000, CriticalBelow: 1200) }));
        }
        foreach (var n in new[] { 1, 2 })
        {
            twins.Add(new TwinSpec($"{server}-psu{n}", TwinKind.Psu, server, Limits: Limit(MetricNames.Temperature, warnAbove: 60, criticalAbove: 70)));
        }
    }

    private static void AddServices(List<TwinSpec> twins, string dc, List<string> servers, Random random)
    {
        // Each server runs one service; a service's servers are spread over racks and rooms, as a scheduler would place them.
        var shuffled = servers.OrderBy(_ => random.Next()).ToList();
        var count = Math.Min(ServiceNames.Length, Math.Max(1, servers.Count / 20));
        for (var i = 0; i < count; i++)
        {
            var runsOn = shuffled.Where((_, n) => n % count == i).Order(StringComparer.Ordinal).ToList();
            twins.Add(new TwinSpec($"svc-{ServiceNames[i]}", TwinKind.Service, dc, $"Service {ServiceNames[i]}", RunsOn: runsOn));
        }
    }

    private static Dictionary<string, MetricLimit> Limit(string metric, double warnAbove, double criticalAbove) =>
        new() { [metric] = new MetricLimit(WarnAbove: warnAbove, CriticalAbove: criticalAbove) };

    private static string RowName(int index) => ((char)('A' + index % 26)).ToString();
}
