using System.Globalization;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Cooling;
using DigitalTwin.Grains.Tests.Support;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>
/// A real silo's cooling loop (no stand-in): a room of four racks between two CRACs that run cold (setpoint 16 °C, fan
/// 90 %) gets a recommendation from the models' optimiser that saves cooling power and keeps every rack's predicted
/// inlet below its limit less the margin, and approving it sends those settings to the devices.
/// </summary>
public sealed class The_silos_optimiser_saves_cooling_within_every_rack_limit(ModelCoolingFixture cluster) : IClassFixture<ModelCoolingFixture>
{
    private const double MarginK = 1.0;

    [Fact]
    public async Task A_room_running_cold_gets_warmer_setpoints_with_every_inlet_within_its_limit_and_approval_sends_them()
    {
        var (ids, cracs, racks) = await StartAsync();
        var cooling = cluster.Client.GetGrain<ICoolingGrain>(ids.DataCentre);

        var decision = await cooling.RecommendAsync("alice");

        Assert.True(decision.Accepted, decision.Reason);
        var offered = decision.Recommendation!;
        Assert.True(offered.PredictedSavingPct > 0, $"predicted saving {offered.PredictedSavingPct} %");
        Assert.True(offered.PredictedAfterW < offered.PredictedBeforeW);
        // CRAC power before is calibrated on what the units report, so the model starts where the room is.
        Assert.Equal(offered.MeasuredBeforeW!.Value, offered.PredictedBeforeW, offered.MeasuredBeforeW.Value * 0.05);
        Assert.Equal(racks.Order(), offered.Racks.Select(r => r.RackId).Order());
        Assert.All(offered.Racks, r => Assert.True(r.PredictedAfterC <= r.LimitC - MarginK + 0.01,
            string.Create(CultureInfo.InvariantCulture, $"{r.RackId} predicted {r.PredictedAfterC} °C against {r.LimitC} − {MarginK}")));
        Assert.All(offered.Racks, r => Assert.Equal(18.5, r.PredictedBeforeC, 0.05));
        Assert.Contains(offered.Cracs, c => c.SetpointAfterC > c.SetpointBeforeC || c.FanAfterPct < c.FanBeforePct);
        Assert.All(offered.Cracs, c => Assert.InRange(c.SetpointAfterC, 15, 27));
        Assert.All(offered.Cracs, c => Assert.InRange(c.FanAfterPct, 30, 100));
        Assert.Contains("model:", offered.Trail[0].Detail, StringComparison.Ordinal);

        var approved = await cooling.ApproveAsync(offered.Id, "bob");

        Assert.True(approved.Accepted, approved.Reason);
        foreach (var change in offered.Cracs)
        {
            var applied = await Eventually.Until(async () => (Setpoint: await LatestAsync(change.CracId, MetricNames.Setpoint), Fan: await LatestAsync(change.CracId, MetricNames.FanPercent)),
                v => v.Setpoint == change.SetpointAfterC && v.Fan == change.FanAfterPct, $"{change.CracId} at its recommended settings");
            var sent = cluster.Devices.To(change.CracId).Select(c => (c.Name, c.Arguments.Single().Value)).ToArray();
            if (change.SetpointAfterC != change.SetpointBeforeC) Assert.Contains(("set_setpoint", change.SetpointAfterC), sent);
            if (change.FanAfterPct != change.FanBeforePct) Assert.Contains(("set_fan_speed", change.FanAfterPct), sent);
        }
        var inEffect = await Eventually.Until(async () => (await cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State is CoolingRecommendationState.Watching or CoolingRecommendationState.Applied, "in effect");
        Assert.Contains(inEffect.Trail, t => t.Step == CoolingTrailSteps.Acknowledged);
    }

    [Fact]
    public async Task When_a_unit_stops_and_an_inlet_passes_its_limit_the_others_in_its_room_go_to_full_cooling()
    {
        var (ids, cracs, racks) = await StartAsync();
        var cooling = cluster.Client.GetGrain<ICoolingGrain>(ids.DataCentre);
        var offered = (await cooling.RecommendAsync("alice")).Recommendation!;
        Assert.True((await cooling.ApproveAsync(offered.Id, "bob")).Accepted);
        await Eventually.Until(async () => (await cooling.GetRecommendationAsync(offered.Id))!, r => r.State == CoolingRecommendationState.Applied, "applied");

        await ReportAsync(cracs[0], (MetricNames.FanPercent, 0), (MetricNames.Airflow, 0), (MetricNames.Power, 0), (MetricNames.CoolingLoad, 0));
        await ServersAsync(racks, 29);

        var rolledBack = await Eventually.Until(async () => (await cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State is CoolingRecommendationState.RolledBack or CoolingRecommendationState.Failed, "rolled back");
        Assert.Equal(CoolingRecommendationState.RolledBack, rolledBack.State);
        Assert.Contains($"{cracs[0]} stopped", rolledBack.Trail.Single(t => t.Step == CoolingTrailSteps.Rollback).Detail, StringComparison.Ordinal);
        Assert.Equal(15, await LatestAsync(cracs[1], MetricNames.Setpoint));
        Assert.Equal(100, await LatestAsync(cracs[1], MetricNames.FanPercent));
        var stopped = offered.Cracs.Single(c => c.CracId == cracs[0]);
        if (stopped.SetpointAfterC != stopped.SetpointBeforeC) Assert.Equal(stopped.SetpointBeforeC, await LatestAsync(cracs[0], MetricNames.Setpoint));
    }

    /// <summary>Imports the room and gives every CRAC and server its readings; returns once every rack's rollup shows them.</summary>
    private async Task<(TestTopology Ids, string[] Cracs, string[] Racks)> StartAsync()
    {
        var ids = TestTopology.New();
        var cracs = new[] { $"{ids.Prefix}-crac-1", $"{ids.Prefix}-crac-2" };
        var racks = Enumerable.Range(1, 4).Select(k => ids.Rack('a', k)).ToArray();
        var result = await cluster.Client.GetLiveTopology().ImportAsync(Site(ids, cracs, racks));
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => e.Message)));
        foreach (var crac in cracs)
        {
            // 9 kW of heat each at 16 °C supply: compressor at COP 3.3 plus a 2 kW fan at 90 %.
            await ReportAsync(crac, (MetricNames.Setpoint, 16), (MetricNames.FanPercent, 90), (MetricNames.Airflow, 1.8), (MetricNames.SupplyTemperature, 16),
                (MetricNames.ReturnTemperature, 27), (MetricNames.CoolingLoad, 9_000), (MetricNames.Power, 9_000 / 3.3 + 2_000 * 0.729));
        }
        await ServersAsync(racks, 18.5);
        foreach (var rack in racks)
        {
            await Eventually.Until(() => cluster.Client.GetGrain<IRackGrain>(rack).GetRollupAsync(), r => r.MaxInletC is not null && r.ItPowerW >= 4_500, "rack rollup");
        }
        return (ids, cracs, racks);
    }

    private async Task ServersAsync(string[] racks, double inletC)
    {
        foreach (var rack in racks)
        {
            for (var s = 1; s <= 3; s++)
            {
                await ReportAsync($"{rack}-s{s}", (MetricNames.InletTemperature, inletC), (MetricNames.OutletTemperature, inletC + 12), (MetricNames.Power, 1_500));
            }
        }
    }

    private static TopologyDocument Site(TestTopology ids, string[] cracs, string[] racks)
    {
        var room = ids.Room('a');
        var twins = new List<TwinSpec>
        {
            new(ids.DataCentre, TwinKind.DataCentre, null, "Test DC"),
            new(room, TwinKind.Room, ids.DataCentre, "Room a", Rated: new Dictionary<string, double> { [RatedProperties.Volume] = 300 }),
        };
        // The CRACs face the row of racks from either side: rows A and C, the racks in row B.
        twins.AddRange(cracs.Select((id, i) => new TwinSpec(id, TwinKind.Crac, room, id, Position: new RackPosition(i == 0 ? "A" : "C", 2 + i),
            Rated: new Dictionary<string, double>
            {
                [RatedProperties.CoolingCapacity] = 30_000,
                [RatedProperties.Airflow] = 2.0,
                [RatedProperties.FanPower] = 2_000,
                [RatedProperties.SetpointMin] = 15,
                [RatedProperties.SetpointMax] = 27,
                [RatedProperties.FanMinPercent] = 30,
            })));
        foreach (var (rack, k) in racks.Select((r, k) => (r, k + 1)))
        {
            twins.Add(ids.RackSpec('a', k) with { Position = new RackPosition("B", k) });
            twins.AddRange(Enumerable.Range(1, 3).Select(s => ids.ServerSpec('a', k, s)));
        }
        return new TopologyDocument(twins);
    }

    private Task ReportAsync(string twinId, params (string Metric, double Value)[] readings) =>
        cluster.Client.GetGrain<IAssetGrain>(twinId).IngestAsync(new TelemetryBatch(twinId,
            [.. readings.Select(r => new Reading(r.Metric, r.Value, DateTimeOffset.UtcNow))]));

    private async Task<double?> LatestAsync(string twinId, string metric) =>
        (await cluster.Client.GetGrain<IAssetGrain>(twinId).GetSnapshotAsync()).Latest.TryGetValue(metric, out var v) ? v.Value : null;
}
