using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Scenarios.Tests.Support;

/// <summary>
/// A small hall with ids unique to one test: one room (row A: racks r1..r4 in slots 1..4; CRACs c1 at slot 1 and
/// c2 at slot 4 of row B), UPSs A and B, per rack PDUs A and B from them, three 2 kW servers per rack on both PDUs,
/// each with a CPU; services web (rack 1) and db (first server of racks 1 and 4). Two 14 kW CRACs (at 27 °C return) cool 24 kW: enough with both, not with one.
/// The CRACs carry no <c>fan_coast_down_s</c> unless one is given, and rate their setpoint range (14–27 °C) unless told not to;
/// the room rates no floor survey unless given an <c>air_reach_m</c> (then with no plenum share).
/// </summary>
public sealed class ScenarioHall(double? cracCoastDownS = null, bool cracRangesRated = true, double? airReachM = null)
{
    public const int Racks = 4;
    public const int ServersPerRack = 3;
    public const double ServerPowerW = 2000;

    public string P { get; } = "h" + Guid.NewGuid().ToString("N")[..8];
    public string DataCentre => $"{P}-dc";
    public string Room => $"{P}-room";
    public string Crac(int n) => $"{P}-c{n}";
    public string Ups(char path) => $"{P}-ups-{path}";
    public string Rack(int n) => $"{P}-r{n}";
    public string Pdu(int rack, char path) => $"{P}-r{rack}-pdu-{path}";
    public string Server(int rack, int n) => $"{P}-r{rack}-s{n}";
    public string Cpu(int rack, int n) => $"{Server(rack, n)}-cpu";

    /// <summary>A service on rack 1's servers, defined at the data centre (outside a room's subtree).</summary>
    public string Web => $"{P}-web";

    /// <summary>A service on the first server of racks 1 and 4, defined in the room.</summary>
    public string Database => $"{P}-db";

    public IEnumerable<string> AllServers => Enumerable.Range(1, Racks).SelectMany(r => Enumerable.Range(1, ServersPerRack).Select(s => Server(r, s)));

    public TopologyDocument Document()
    {
        var twins = new List<TwinSpec>
        {
            new(DataCentre, TwinKind.DataCentre, null),
            new(Room, TwinKind.Room, DataCentre, Rated: RoomRating()),
            new(Ups('a'), TwinKind.Ups, Room, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 40_000 }),
            new(Ups('b'), TwinKind.Ups, Room, Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 40_000 }),
        };
        for (var c = 1; c <= 2; c++)
        {
            twins.Add(new TwinSpec(Crac(c), TwinKind.Crac, Room, Position: new RackPosition("B", c == 1 ? 1 : Racks),
                Rated: CracRating()));
        }
        var limit = new Dictionary<string, MetricLimit> { [MetricNames.InletTemperature] = new(WarnAbove: 27, CriticalAbove: 32) };
        for (var r = 1; r <= Racks; r++)
        {
            twins.Add(new TwinSpec(Rack(r), TwinKind.Rack, Room, Position: new RackPosition("A", r),
                Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = 12_000, [RatedProperties.HeightUnits] = 42 },
                PowerFeeds: [new PowerFeed(Pdu(r, 'a'), "A"), new PowerFeed(Pdu(r, 'b'), "B")], CoolingUnits: [Crac(1), Crac(2)]));
            twins.Add(new TwinSpec(Pdu(r, 'a'), TwinKind.Pdu, Rack(r), Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 10_000 }, PowerFeeds: [new PowerFeed(Ups('a'), "A")]));
            twins.Add(new TwinSpec(Pdu(r, 'b'), TwinKind.Pdu, Rack(r), Rated: new Dictionary<string, double> { [RatedProperties.Capacity] = 10_000 }, PowerFeeds: [new PowerFeed(Ups('b'), "B")]));
            for (var s = 1; s <= ServersPerRack; s++)
            {
                twins.Add(new TwinSpec(Server(r, s), TwinKind.Server, Rack(r), Limits: limit,
                    Rated: new Dictionary<string, double> { [RatedProperties.NameplatePower] = 2500, [RatedProperties.PositionUnit] = s * 2, [RatedProperties.SizeUnits] = 2 },
                    PowerFeeds: [new PowerFeed(Pdu(r, 'a'), "A"), new PowerFeed(Pdu(r, 'b'), "B")]));
                twins.Add(new TwinSpec(Cpu(r, s), TwinKind.Cpu, Server(r, s)));
            }
        }
        twins.Add(new TwinSpec(Web, TwinKind.Service, DataCentre, "web", RunsOn: [.. Enumerable.Range(1, ServersPerRack).Select(s => Server(1, s))]));
        twins.Add(new TwinSpec(Database, TwinKind.Service, Room, "db", RunsOn: [Server(1, 1), Server(4, 1)]));
        return new TopologyDocument(twins);
    }

    private Dictionary<string, double> RoomRating()
    {
        var rated = new Dictionary<string, double> { [RatedProperties.Volume] = 300 };
        if (airReachM is { } reach)
        {
            rated[RatedProperties.AirReach] = reach;
            rated[RatedProperties.PlenumShare] = 0;
        }
        return rated;
    }

    private Dictionary<string, double> CracRating()
    {
        var rated = new Dictionary<string, double> { [RatedProperties.CoolingCapacity] = 14_000 };
        if (cracRangesRated)
        {
            rated[RatedProperties.SetpointMin] = 14;
            rated[RatedProperties.SetpointMax] = 27;
        }
        if (cracCoastDownS is { } coast)
        {
            rated[RatedProperties.FanCoastDown] = coast;
        }
        return rated;
    }

    /// <summary>Imports the hall and gives every server and CRAC readings of a steady, healthy hall.</summary>
    public async Task ImportAndFeedAsync(IGrainFactory grains)
    {
        var result = await grains.GetLiveTopology().ImportAsync(Document());
        Assert.True(result.Applied, string.Join("; ", result.Errors));
        var now = DateTimeOffset.UtcNow;
        foreach (var server in AllServers)
        {
            await grains.GetTelemetryTarget(new TwinKey(server), TwinKind.Server)!.IngestAsync(new TelemetryBatch(server,
            [
                new Reading(MetricNames.Power, ServerPowerW, now), new Reading(MetricNames.InletTemperature, 22, now),
                new Reading(MetricNames.OutletTemperature, 34, now),
            ]));
        }
        for (var c = 1; c <= 2; c++)
        {
            await grains.GetTelemetryTarget(new TwinKey(Crac(c)), TwinKind.Crac)!.IngestAsync(new TelemetryBatch(Crac(c),
            [
                new Reading(MetricNames.Setpoint, 18, now), new Reading(MetricNames.SupplyTemperature, 18, now),
                new Reading(MetricNames.ReturnTemperature, 30, now), new Reading("fan_pct", 100, now),
            ]));
        }
    }
}
