using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Persistence.Tests.Twins;

/// <summary>A data centre with one room, one rack and eight servers, fed five closed minutes of inlet readings.</summary>
internal static class SmallGraph
{
    public const string Metric = MetricNames.InletTemperature;
    public const int Servers = 8;
    public const string Rack = "pg-rack";

    // Whole minutes, so every reading falls in a known one-minute bucket.
    private static readonly DateTimeOffset Start =
        new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-6);

    public static IEnumerable<string> ServerIds => Enumerable.Range(1, Servers).Select(i => $"pg-srv-{i:00}");

    /// <summary>Fast cadences: rollups and checkpoints within a second, minute buckets flushed at once.</summary>
    public static Dictionary<string, string?> FastCadences(IReadOnlyDictionary<string, string?> settings) => new(settings)
    {
        ["DigitalTwin:Twins:RollupInterval"] = "00:00:00.2",
        ["DigitalTwin:Twins:CheckpointInterval"] = "00:00:00.5",
        ["DigitalTwin:Twins:PendingRetryInterval"] = "00:00:00.5",
        ["DigitalTwin:Twins:HistoryGrace"] = "00:00:00",
        ["DigitalTwin:Twins:HistoryFlushAge"] = "00:00:00",
    };

    public static async Task<long> ImportAsync(IGrainFactory grains)
    {
        var result = await grains.GetLiveTopology().ImportAsync(new TopologyDocument(
        [
            new TwinSpec("pg-dc", TwinKind.DataCentre, null, "DC"),
            new TwinSpec("pg-room", TwinKind.Room, "pg-dc", "Room"),
            new TwinSpec(Rack, TwinKind.Rack, "pg-room", "Rack",
                Rated: new Dictionary<string, double> { [RatedProperties.PowerBudget] = 10_000, [RatedProperties.HeightUnits] = 42 }),
            .. ServerIds.Select(id => new TwinSpec(id, TwinKind.Server, Rack, id)),
        ]));
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => e.ToString())));
        return result.Version;
    }

    /// <summary>Five readings per server, one per minute, distinct per server and minute.</summary>
    public static async Task FeedAsync(IGrainFactory grains)
    {
        var serverNumber = 0;
        foreach (var id in ServerIds)
        {
            serverNumber++;
            var readings = Enumerable.Range(0, 5)
                .Select(m => new Reading(Metric, 20 + serverNumber + m / 10.0, Start.AddMinutes(m).AddSeconds(30)))
                .ToList();
            var result = await grains.GetGrain<IAssetGrain>(id).IngestAsync(new TelemetryBatch(id, readings));
            Assert.Equal(5, result.Applied);
        }
    }

    /// <summary>Each server's latest value and its history, as text for comparison.</summary>
    public static async Task<Dictionary<string, (double Latest, string History)>> ReadAllAsync(IGrainFactory grains)
    {
        var seen = new Dictionary<string, (double, string)>();
        foreach (var id in ServerIds)
        {
            var twin = grains.GetGrain<IAssetGrain>(id);
            var snapshot = await twin.GetSnapshotAsync();
            var history = await twin.GetHistoryAsync(Metric, Start, Start.AddMinutes(10));
            seen[id] = (snapshot.Latest[Metric].Value, string.Join(";", history.Select(b => $"{b.Start:HH:mm}/{b.Min}/{b.Max}/{b.Count}")));
        }

        return seen;
    }

    /// <summary>Reads until every server shows its five history buckets.</summary>
    public static async Task<Dictionary<string, (double Latest, string History)>> SettledAsync(IGrainFactory grains) =>
        await Eventually.Until(() => ReadAllAsync(grains), all => all.Values.All(v => v.History.Split(';').Length == 5),
            "every server shows five history buckets");

    /// <summary>Every server reads as before; a difference names the servers and what each read, in full.</summary>
    public static void AssertSameTwins(IReadOnlyDictionary<string, (double Latest, string History)> expected,
        IReadOnlyDictionary<string, (double Latest, string History)> actual)
    {
        var differing = expected.Keys.Union(actual.Keys)
            .Where(id => !expected.TryGetValue(id, out var e) || !actual.TryGetValue(id, out var a) || e != a)
            .Select(id => $"{id}: expected {Describe(expected, id)}, read {Describe(actual, id)}")
            .ToList();
        Assert.True(differing.Count == 0, string.Join('\n', differing));
    }

    private static string Describe(IReadOnlyDictionary<string, (double Latest, string History)> twins, string id) =>
        twins.TryGetValue(id, out var t) ? $"{t.Latest} [{t.History}]" : "nothing";
}
