using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

/// <summary>Small valid graphs to vary in each test, and the way to the repository's samples.</summary>
internal static class Fixtures
{
    public static readonly IReadOnlyDictionary<string, TopologyEntry> NoGraph = new Dictionary<string, TopologyEntry>();

    /// <summary>A data centre, a room, a PDU and a CRAC on the floor, a rack, a server in it.</summary>
    public static List<TwinSpec> SmallSite() =>
    [
        new("dc-1", TwinKind.DataCentre, null, "Site"),
        new("room-1", TwinKind.Room, "dc-1"),
        new("pdu-1", TwinKind.Pdu, "room-1", Rated: Rated(("capacity_w", 22_000))),
        new("crac-1", TwinKind.Crac, "room-1", Rated: Rated(("cooling_capacity_w", 60_000))),
        new("rack-1", TwinKind.Rack, "room-1", Rated: Rated(("power_budget_w", 12_000), ("height_u", 42)),
            Position: new RackPosition("A", 1), PowerFeeds: [new PowerFeed("pdu-1", "A")], CoolingUnits: ["crac-1"]),
        new("srv-1", TwinKind.Server, "rack-1", Rated: Rated(("position_u", 1), ("size_u", 2))),
    ];

    public static TopologyDocument Document(IEnumerable<TwinSpec> twins) => new([.. twins]);

    /// <summary>The directory an existing graph of <paramref name="twins"/> would have.</summary>
    public static Dictionary<string, TopologyEntry> Graph(IEnumerable<TwinSpec> twins) =>
        twins.ToDictionary(t => t.Id, t => new TopologyEntry(t.Id, t.Kind, t.ParentId), StringComparer.Ordinal);

    public static Dictionary<string, double> Rated(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    /// <summary>Validates the small site with <paramref name="change"/> applied to it, onto an empty graph.</summary>
    public static IReadOnlyList<TopologyError> ValidateSiteWith(Func<List<TwinSpec>, IEnumerable<TwinSpec>> change) =>
        TopologyValidator.Validate(Document(change(SmallSite())), NoGraph);

    /// <summary>Replaces the twin with the same id.</summary>
    public static List<TwinSpec> With(this List<TwinSpec> twins, TwinSpec replacement) =>
        [.. twins.Select(t => t.Id == replacement.Id ? replacement : t)];

    public static TwinSpec Get(this List<TwinSpec> twins, string id) => twins.Single(t => t.Id == id);

    /// <summary>A file under samples/, found from the test assembly by walking up to the folder with DigitalTwin.sln.</summary>
    public static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln"))) return Path.Combine(dir.FullName, "samples", name);
        }
        throw new InvalidOperationException($"No DigitalTwin.sln above {AppContext.BaseDirectory}.");
    }
}
