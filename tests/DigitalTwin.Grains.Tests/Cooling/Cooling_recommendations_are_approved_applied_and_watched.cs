using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Grains.Tests.Cooling;

public sealed class Cooling_recommendations_are_approved_applied_and_watched(CoolingClusterFixture cluster) : IClassFixture<CoolingClusterFixture>
{
    private CracDevices Devices => cluster.Devices;

    [Fact]
    public async Task An_approved_recommendation_is_acknowledged_by_each_device_watched_and_its_outcome_recorded()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var crac = site.Ids.Crac('a');

        var offered = await site.RecommendAsync();
        Assert.Equal(CoolingRecommendationState.Pending, offered.State);
        Assert.Equal(site.Ids.DataCentre, offered.DataCentreId);
        Assert.True(offered.ExpiresAt > offered.CreatedAt);
        var setting = Assert.Single(offered.Cracs);
        Assert.Equal((18, 20, 80, 70), (setting.SetpointBeforeC, setting.SetpointAfterC, setting.FanBeforePct, setting.FanAfterPct));
        Assert.Equal(10_000, offered.MeasuredBeforeW);
        Assert.Equal(20, offered.PredictedSavingPct, 3);
        Assert.Equal(22, Assert.Single(offered.Racks).MeasuredC);
        Assert.Equal(offered.Id, (await site.Cooling.GetPendingAsync())?.Id);

        var approved = await site.Cooling.ApproveAsync(offered.Id, "bob");
        Assert.True(approved.Accepted, approved.Reason);
        Assert.Equal(CoolingRecommendationState.Applying, approved.Recommendation!.State);

        // Only one recommendation is applied at a time.
        var next = await site.RecommendAsync();
        var busy = await site.Cooling.ApproveAsync(next.Id, "carol");
        Assert.Equal(CoolingRefusals.Busy, busy.Code);

        var done = await Eventually.Until(async () => (await site.Cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State == CoolingRecommendationState.Applied || r.Trail.Any(t => t.Step == CoolingTrailSteps.LoopError), "applied");
        Assert.True(done.State == CoolingRecommendationState.Applied, string.Join("\n", done.Trail.Select(t => $"{t.Step} {t.Actor} {t.Detail}")));
        var sent = Devices.To(crac);
        Assert.Equal([("set_setpoint", "setpoint_c", 20.0), ("set_fan_speed", "fan_pct", 70.0)],
            sent.Select(c => (c.Name, c.Arguments.Keys.Single(), c.Arguments.Values.Single())).ToArray());
        Assert.Equal(20, await site.LatestAsync(crac, MetricNames.Setpoint));
        Assert.Equal(70, await site.LatestAsync(crac, "fan_pct"));

        var steps = done.Trail.Select(t => t.Step).ToArray();
        Assert.Equal([CoolingTrailSteps.Recommended, CoolingTrailSteps.Approved, CoolingTrailSteps.CommandSent, CoolingTrailSteps.CommandSent,
            CoolingTrailSteps.Acknowledged, CoolingTrailSteps.Acknowledged, CoolingTrailSteps.InEffect, CoolingTrailSteps.Outcome], steps);
        Assert.Equal("bob", done.Trail.Single(t => t.Step == CoolingTrailSteps.Approved).Actor);
        Assert.All(done.Trail.Where(t => t.Step == CoolingTrailSteps.Acknowledged), t => Assert.Equal(crac, t.Actor));
        Assert.Equal(sent.Select(c => c.CommandId).Order(), done.Trail.Where(t => t.Step == CoolingTrailSteps.Acknowledged).Select(t => t.CommandId).Order());
        Assert.True(done.Trail.Zip(done.Trail.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.NotNull(done.Outcome);
        Assert.Equal(10_000, done.Outcome!.MeasuredCoolingPowerW);
        Assert.Equal(22, done.Outcome.MaxInletC);
    }

    [Fact]
    public async Task An_inlet_passing_its_limit_rolls_the_previous_settings_back()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var crac = site.Ids.Crac('a');
        var offered = await site.RecommendAsync();
        Assert.True((await site.Cooling.ApproveAsync(offered.Id, "bob")).Accepted);
        await Eventually.Until(async () => (await site.Cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State is CoolingRecommendationState.Watching or CoolingRecommendationState.Applied, "in effect");

        await site.InletAsync('a', 27.6);

        var rolledBack = await site.UntilAsync(offered.Id, CoolingRecommendationState.RolledBack);
        Assert.Equal([20.0, 18.0], Devices.To(crac).Where(c => c.Name == "set_setpoint").Select(c => c.Arguments["setpoint_c"]).ToArray());
        Assert.Equal([70.0, 80.0], Devices.To(crac).Where(c => c.Name == "set_fan_speed").Select(c => c.Arguments["fan_pct"]).ToArray());
        Assert.Equal(18, await site.LatestAsync(crac, MetricNames.Setpoint));
        Assert.Equal(80, await site.LatestAsync(crac, "fan_pct"));
        var rollback = rolledBack.Trail.Single(t => t.Step == CoolingTrailSteps.Rollback);
        Assert.Contains(site.Ids.Rack('a', 1), rollback.Detail);
        Assert.Contains("27.6", rollback.Detail);
        Assert.Equal(CoolingTrailSteps.RolledBack, rolledBack.Trail[^1].Step);
        Assert.Equal(2, rolledBack.Trail.SkipWhile(t => t.Step != CoolingTrailSteps.Rollback).Count(t => t.Step == CoolingTrailSteps.Acknowledged));

        // The approval and the rollback are in the audit trail, on the data centre.
        var audited = await cluster.SiloServices.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(TwinId: site.Ids.DataCentre));
        Assert.Contains(audited, a => a.Action == AuditActions.RecommendationApprove && a.Detail.Contains(offered.Id) && a.Detail.Contains("bob") && a.Detail.Contains("18->20"));
        Assert.Contains(audited, a => a.Action == AuditActions.Rollback && a.Detail.Contains(offered.Id) && a.Detail.Contains("27.6"));
    }

    [Fact]
    public async Task A_unit_that_reports_it_stopped_rolls_the_recommendation_back_before_any_inlet_passes_its_limit()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var crac = site.Ids.Crac('a');
        var offered = await site.RecommendAsync();
        Assert.True((await site.Cooling.ApproveAsync(offered.Id, "bob")).Accepted);
        await Eventually.Until(async () => (await site.Cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State is CoolingRecommendationState.Watching or CoolingRecommendationState.Applied, "in effect");

        // The unit's own readings say it stopped; every rack is still well within its limit.
        await site.ReportAsync(crac, ("fan_pct", 0), (MetricNames.Power, 0));

        var rolledBack = await site.UntilAsync(offered.Id, CoolingRecommendationState.RolledBack);
        var rollback = rolledBack.Trail.Single(t => t.Step == CoolingTrailSteps.Rollback);
        Assert.Contains($"{crac} reports it stopped", rollback.Detail);
        Assert.DoesNotContain("passed its limit", rollback.Detail);
        Assert.Equal(18, Devices.To(crac).Last(c => c.Name == "set_setpoint").Arguments["setpoint_c"]);
    }

    [Fact]
    public async Task A_unit_already_stopped_when_recommended_is_no_new_loss_but_one_that_stops_after_is()
    {
        var site = await new CoolingSite(cluster.Client, rooms: 2).StartAsync();
        var (running, stopped) = (site.Ids.Crac('a'), site.Ids.Crac('b'));
        await site.ReportAsync(stopped, ("fan_pct", 0), (MetricNames.Power, 0));
        var offered = await site.RecommendAsync();
        Assert.True(offered.Cracs.Single(c => c.CracId == stopped).StoppedWhenRecommended);
        Assert.False(offered.Cracs.Single(c => c.CracId == running).StoppedWhenRecommended);
        var approved = await site.Cooling.ApproveAsync(offered.Id, "bob");
        Assert.True(approved.Accepted, approved.Reason);
        await Eventually.Until(async () => (await site.Cooling.GetRecommendationAsync(offered.Id))!,
            r => r.State is CoolingRecommendationState.Watching or CoolingRecommendationState.Applied, "in effect");
        // Several of the loop's checks (every 100 ms here) see the unit that was stopped all along.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.DoesNotContain((await site.Cooling.GetRecommendationAsync(offered.Id))!.Trail, t => t.Step == CoolingTrailSteps.Rollback);

        await site.ReportAsync(running, ("fan_pct", 0), (MetricNames.Power, 0));

        var rolledBack = await site.UntilAsync(offered.Id, CoolingRecommendationState.RolledBack);
        var rollback = rolledBack.Trail.Single(t => t.Step == CoolingTrailSteps.Rollback);
        Assert.StartsWith($"{running} reports it stopped", rollback.Detail);
    }
}
