using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>
/// Small topologies with ids unique to one test, so tests can share a cluster's live graph without meeting.
/// Layout: <c>{p}-dc</c> → rooms <c>{p}-room-a</c>… → racks <c>{p}-a-r1</c>… (and a CRAC <c>{p}-a-crac</c> per room)
/// → servers <c>{p}-a-r1-s1</c>… → optional components <c>{p}-a-r1-s1-cpu</c>.
/// </summary>
public sealed class TestTopology(string prefix)
{
    /// <summary>A topology with a fresh prefix.</summary>
    public static TestTopology New() => new("t" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The id prefix.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The data centre's id.</summary>
    public string DataCentre => $"{Prefix}-dc";

    /// <summary>A room's id; rooms are lettered a, b, …</summary>
    public string Room(char room) => $"{Prefix}-room-{room}";

    /// <summary>A rack's id.</summary>
    public string Rack(char room, int rack) => $"{Prefix}-{room}-r{rack}";

    /// <summary>A server's id.</summary>
    public string Server(char room, int rack, int server) => $"{Prefix}-{room}-r{rack}-s{server}";

    /// <summary>A room's CRAC id.</summary>
    public string Crac(char room) => $"{Prefix}-{room}-crac";

    /// <summary>A server's CPU id.</summary>
    public string Cpu(char room, int rack, int server) => $"{Server(room, rack, server)}-cpu";

    /// <summary>The whole document.</summary>
    public TopologyDocument Document(int rooms = 2, int racks = 2, int servers = 3, bool components = false)
    {
        var twins = new List<TwinSpec> { new(DataCentre, TwinKind.DataCentre, null, "Test DC") };
        for (var r = 0; r < rooms; r++)
        {
            var room = (char)('a' + r);
            twins.Add(new TwinSpec(Room(room), TwinKind.Room, DataCentre, $"Room {room}"));
            twins.Add(CracSpec(room));
            for (var k = 1; k <= racks; k++)
            {
                twins.Add(RackSpec(room, k));
                for (var s = 1; s <= servers; s++)
                {
                    twins.Add(ServerSpec(room, k, s));
                    if (components)
                    {
                        twins.Add(new TwinSpec(Cpu(room, k, s), TwinKind.Cpu, Server(room, k, s),
                            Limits: new Dictionary<string, MetricLimit> { ["temp_c"] = new(WarnAbove: 80, CriticalAbove: 95) }));
                    }
                }
            }
        }
        return new TopologyDocument(twins);
    }

    /// <summary>A rack with a 10 kW budget.</summary>
    public TwinSpec RackSpec(char room, int rack) =>
        new(Rack(room, rack), TwinKind.Rack, Room(room), $"Rack {room}{rack}",
            Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = 10_000, [RatedProperties.HeightUnits] = 42 },
            Position: new RackPosition(room.ToString().ToUpperInvariant(), rack));

    /// <summary>A server with inlet limits 27 (warning) and 32 °C (critical); odd-numbered servers are tagged "gpu".</summary>
    public TwinSpec ServerSpec(char room, int rack, int server) =>
        new(Server(room, rack, server), TwinKind.Server, Rack(room, rack), $"Server {server}",
            Rated: new Dictionary<string, double>
            {
                [RatedProperties.NameplatePower] = 800,
                [RatedProperties.PositionUnit] = server * 2,
                [RatedProperties.SizeUnits] = 2,
            },
            Limits: new Dictionary<string, MetricLimit> { ["inlet_temp_c"] = new(WarnAbove: 27, CriticalAbove: 32) },
            Tags: server % 2 == 1 ? ["gpu"] : ["web"]);

    /// <summary>A floor-standing CRAC of 50 kW.</summary>
    public TwinSpec CracSpec(char room) =>
        new(Crac(room), TwinKind.Crac, Room(room), $"CRAC {room}",
            Rated: new Dictionary<string, double> { [RatedProperties.CoolingCapacity] = 50_000 });
}
