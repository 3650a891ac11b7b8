using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology;

/// <summary>
/// Builds large, valid topologies of a regular shape for benchmarks and tests: one data centre; per room two UPSs
/// (A and B), CRACs (one per eight racks, at least two) and racks in rows of ten; per rack an A and a B PDU fed from
/// the room's UPSs, a top-of-rack switch and the servers, each fed from both PDUs; optionally per server two CPUs,
/// memory, two disks, two fans and two PSUs. The same arguments always give the same document.
/// </summary>
public static class TopologyGenerator
{
    private const int RackSlotsPerRow = 10;
    private const int StandardRackUnits = 42;

    /// <summary>
    /// The number of twins <see cref="Generate"/> makes for these arguments, to size a run before building it.
    /// </summary>
    public static int CountTwins(int rooms, int racksPerRoom, int serversPerRack, bool withComponents)
    {
        var perServer = 1 + (withComponents ? 9 : 0);
        var perRack = 1 + 2 + 1 + serversPerRack * perServer;
        return 1 + rooms * (1 + 2 + CracsFor(racksPerRoom) + racksPerRoom * perRack);
    }

    /// <summary>A valid topology of the shape described on the class.</summary>
    /// <param name="rooms">Rooms in the data centre (0 or more).</param>
    /// <param name="racksPerRoom">Racks in each room.</param>
    /// <param name="serversPerRack">Servers in each rack; racks grow taller than 42U when they must.</param>
    /// <param name="withComponents">Whether each server gets its nine components.</param>
    public static TopologyDocument Generate(int rooms, int racksPerRoom, int serversPerRack, bool withComponents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rooms);
        ArgumentOutOfRangeException.ThrowIfNegative(racksPerRoom);
        ArgumentOutOfRangeException.ThrowIfNegative(serversPerRack);

        var twins = new List<TwinSpec>(CountTwins(rooms, racksPerRoom, serversPerRack, withComponents));
        const string dc = "dc-gen";
        twins.Add(new TwinSpec(dc, TwinKind.DataCentre, null, "Generated data centre"));
        // Servers take 2U while they fit under the switch in a 42U rack, then 1U; beyond that the rack grows.
        var serverUnits = serversPerRack * 2 <= StandardRackUnits - 1 ? 2 : 1;
        var rackUnits = Math.Max(StandardRackUnits, serversPerRack * serverUnits + 1);
        var inletLimit = new Dictionary<string, MetricLimit> { ["inlet_temp_c"] = new MetricLimit(WarnAbove: 27, CriticalAbove: 32) };

        for (var r = 1; r <= rooms; r++)
        {
            var room = $"room-{r:00}";
            twins.Add(new TwinSpec(room, TwinKind.Room, dc, $"Room {r}"));
            var upsA = $"ups-{r:00}-a";
            var upsB = $"ups-{r:00}-b";
            var upsCapacity = Math.Max(100_000, racksPerRoom * 12_000.0);
            twins.Add(new TwinSpec(upsA, TwinKind.Ups, room, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = upsCapacity, [RatedProperties.BatteryRuntime] = 600 }));
            twins.Add(new TwinSpec(upsB, TwinKind.Ups, room, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = upsCapacity, [RatedProperties.BatteryRuntime] = 600 }));
            var cracs = Enumerable.Range(1, CracsFor(racksPerRoom)).Select(c => $"crac-{r:00}-{c}").ToList();
            foreach (var crac in cracs)
            {
                twins.Add(new TwinSpec(crac, TwinKind.Crac, room, Rated: new Dictionary<string, double> { [RatedProperties.CoolingCapacity] = 60_000 }));
            }

            for (var k = 0; k < racksPerRoom; k++)
            {
                var rack = $"rack-{r:00}-{k + 1:000}";
                var pduA = $"pdu-{r:00}-{k + 1:000}-a";
                var pduB = $"pdu-{r:00}-{k + 1:000}-b";
                twins.Add(new TwinSpec(rack, TwinKind.Rack, room,
                    Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = Math.Max(12_000, serversPerRack * 800.0), [RatedProperties.HeightUnits] = rackUnits },
                    Position: new RackPosition(RowName(k / RackSlotsPerRow), k % RackSlotsPerRow + 1),
                    PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")],
                    CoolingUnits: [cracs[k % cracs.Count], cracs[(k + 1) % cracs.Count]]));
                twins.Add(new TwinSpec(pduA, TwinKind.Pdu, rack, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 22_000 }, PowerFeeds: [new PowerFeed(upsA, "A")]));
                twins.Add(new TwinSpec(pduB, TwinKind.Pdu, rack, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 22_000 }, PowerFeeds: [new PowerFeed(upsB, "B")]));
                twins.Add(new TwinSpec($"sw-{r:00}-{k + 1:000}", TwinKind.NetworkSwitch, rack,
                    Rated: new Dictionary<string, double> { [RatedProperties.PositionUnit] = rackUnits, [RatedProperties.SizeUnits] = 1, [RatedProperties.NameplatePower] = 150 },
                    PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")]));

                for (var s = 0; s < serversPerRack; s++)
                {
                    var server = $"srv-{r:00}-{k + 1:000}-{s + 1:00}";
                    twins.Add(new TwinSpec(server, TwinKind.Server, rack,
                        Rated: new Dictionary<string, double> { [RatedProperties.PositionUnit] = 1 + s * serverUnits, [RatedProperties.SizeUnits] = serverUnits, [RatedProperties.NameplatePower] = 800 },
                        Limits: inletLimit,
                        PowerFeeds: [new PowerFeed(pduA, "A"), new PowerFeed(pduB, "B")]));
                    if (withComponents) AddComponents(twins, server);
                }
            }
        }
        return new TopologyDocument(twins);
    }

    private static void AddComponents(List<TwinSpec> twins, string server)
    {
        twins.Add(new TwinSpec($"{server}-cpu1", TwinKind.Cpu, server));
        twins.Add(new TwinSpec($"{server}-cpu2", TwinKind.Cpu, server));
        twins.Add(new TwinSpec($"{server}-mem", TwinKind.Memory, server));
        twins.Add(new TwinSpec($"{server}-disk1", TwinKind.Disk, server));
        twins.Add(new TwinSpec($"{server}-disk2", TwinKind.Disk, server));
        twins.Add(new TwinSpec($"{server}-fan1", TwinKind.Fan, server));
        twins.Add(new TwinSpec($"{server}-fan2", TwinKind.Fan, server));
        twins.Add(new TwinSpec($"{server}-psu1", TwinKind.Psu, server));
        twins.Add(new TwinSpec($"{server}-psu2", TwinKind.Psu, server));
    }

    private static int CracsFor(int racks) => Math.Max(2, (racks + 7) / 8);

    // Rows are lettered A..Z, then AA, AB, ... like spreadsheet columns.
    private static string RowName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
