using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>
/// A small data centre for one test (its own ids): rooms with one CRAC and one rack of two servers each, the CRACs
/// reporting setpoint 18 °C, fan 80 %, 10 kW, the servers' inlets at 22 °C.
/// </summary>
public sealed class CoolingSite(IGrainFactory grains, int rooms = 1)
{
    /// <summary>Ids.</summary>
    public TestTopology Ids { get; } = TestTopology.New();

    /// <summary>The rooms' letters.</summary>
    public IReadOnlyList<char> Rooms { get; } = [.. Enumerable.Range(0, rooms).Select(r => (char)('a' + r))];

    /// <summary>The data centre's cooling loop.</summary>
    public ICoolingGrain Cooling => grains.GetGrain<ICoolingGrain>(Ids.DataCentre);

    /// <summary>Imports the site and sends its first readings; returns once every rack's rollup shows its inlet.</summary>
    public async Task<CoolingSite> StartAsync()
    {
        var result = await grains.GetLiveTopology().ImportAsync(Ids.Document(rooms: Rooms.Count, racks: 1, servers: 2));
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => e.Message)));
        foreach (var room in Rooms)
        {
            await ReportAsync(Ids.Crac(room), (MetricNames.Setpoint, 18), ("fan_pct", 80), (MetricNames.Power, 10_000),
                (MetricNames.SupplyTemperature, 18), (MetricNames.ReturnTemperature, 30));
            await InletAsync(room, 22);
        }
        foreach (var room in Rooms)
        {
            await Eventually.Until(() => grains.GetGrain<IRackGrain>(Ids.Rack(room, 1)).GetRollupAsync(), r => r.MaxInletC is not null, "rack inlet rollup");
        }
        return this;
    }

    /// <summary>Both servers of a room's rack report this inlet temperature.</summary>
    public async Task InletAsync(char room, double inletC)
    {
        for (var s = 1; s <= 2; s++) await ReportAsync(Ids.Server(room, 1, s), (MetricNames.InletTemperature, inletC), (MetricNames.Power, 400));
    }

    /// <summary>Readings for one asset twin, stamped now.</summary>
    public Task ReportAsync(string twinId, params (string Metric, double Value)[] readings) =>
        grains.GetGrain<IAssetGrain>(twinId).IngestAsync(new TelemetryBatch(twinId,
            [.. readings.Select(r => new Reading(r.Metric, r.Value, DateTimeOffset.UtcNow))]));

    /// <summary>Re-imports a room's CRAC with these rated properties (an operator correcting its ratings).</summary>
    public async Task RateCracAsync(char room, params (string Name, double Value)[] rated)
    {
        var spec = Ids.CracSpec(room);
        var ratings = new Dictionary<string, double>(spec.Rated!);
        foreach (var (name, value) in rated) ratings[name] = value;
        var result = await grains.GetLiveTopology().ImportAsync(new Abstractions.Topology.TopologyDocument([spec with { Rated = ratings }]));
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A fresh recommendation, which must be made.</summary>
    public async Task<CoolingRecommendation> RecommendAsync(string by = "alice")
    {
        var decision = await Cooling.RecommendAsync(by);
        Assert.True(decision.Accepted, decision.Reason);
        return decision.Recommendation!;
    }

    /// <summary>Waits until a recommendation reaches a state.</summary>
    public Task<CoolingRecommendation> UntilAsync(string id, CoolingRecommendationState state) =>
        Eventually.Until(async () => (await Cooling.GetRecommendationAsync(id))!, r => r.State == state, $"{id} {state}");

    /// <summary>The latest value of a metric on a twin.</summary>
    public async Task<double?> LatestAsync(string twinId, string metric) =>
        (await grains.GetGrain<IAssetGrain>(twinId).GetSnapshotAsync()).Latest.TryGetValue(metric, out var v) ? v.Value : null;
}
