using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Grains.Tests.Cooling;

public sealed class Bad_cooling_requests_are_refused_with_reasons(CoolingClusterFixture cluster) : IClassFixture<CoolingClusterFixture>
{
    private CracDevices Devices => cluster.Devices;

    [Fact]
    public async Task Approving_a_superseded_rejected_or_unknown_recommendation_is_refused()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var first = await site.RecommendAsync();
        var second = await site.RecommendAsync();

        var superseded = await site.Cooling.ApproveAsync(first.Id, "bob");
        Assert.Equal((false, CoolingRefusals.Superseded), (superseded.Accepted, superseded.Code));
        Assert.Contains(second.Id, superseded.Reason);

        Assert.True((await site.Cooling.RejectAsync(second.Id, "carol", "not during the audit")).Accepted);
        var rejected = await site.Cooling.ApproveAsync(second.Id, "bob");
        Assert.Equal(CoolingRefusals.NotPending, rejected.Code);
        Assert.Equal(CoolingRefusals.Unknown, (await site.Cooling.ApproveAsync(site.Ids.DataCentre + ".r999", "bob")).Code);

        var trail = (await site.Cooling.GetRecommendationAsync(second.Id))!.Trail;
        Assert.Equal(("carol", "not during the audit"), (trail.Single(t => t.Step == CoolingTrailSteps.Rejected).Actor, trail.Single(t => t.Step == CoolingTrailSteps.Rejected).Detail));
        Assert.Contains(trail, t => t.Step == CoolingTrailSteps.ApprovalRefused && t.Actor == "bob");
        Assert.Contains((await site.Cooling.GetRecommendationAsync(first.Id))!.Trail, t => t.Step == CoolingTrailSteps.ApprovalRefused);
        Assert.Empty(Devices.To(site.Ids.Crac('a')));
    }

    [Fact]
    public async Task A_setpoint_outside_a_units_rated_range_is_refused_and_nothing_is_sent()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var offered = await site.RecommendAsync();
        await site.RateCracAsync('a', ("setpoint_min_c", 16), ("setpoint_max_c", 19));

        var refused = await site.Cooling.ApproveAsync(offered.Id, "bob");

        Assert.Equal(CoolingRefusals.OutOfRange, refused.Code);
        Assert.Contains("20 °C", refused.Reason);
        Assert.Contains("16–19 °C", refused.Reason);
        Assert.Equal(CoolingRecommendationState.Pending, refused.Recommendation!.State);
        Assert.Empty(Devices.To(site.Ids.Crac('a')));
    }

    [Fact]
    public async Task A_unit_whose_setpoint_changed_since_makes_the_recommendation_stale()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var offered = await site.RecommendAsync();
        await site.ReportAsync(site.Ids.Crac('a'), (MetricNames.Setpoint, 16));

        var refused = await site.Cooling.ApproveAsync(offered.Id, "bob");

        Assert.Equal(CoolingRefusals.Stale, refused.Code);
        Assert.Empty(Devices.To(site.Ids.Crac('a')));
    }

    [Fact]
    public async Task A_device_that_refuses_fails_the_recommendation_and_what_was_applied_is_reverted()
    {
        var site = await new CoolingSite(cluster.Client, rooms: 2).StartAsync();
        Devices.Answers[site.Ids.Crac('b')] = DeviceAnswer.Refuse;
        var offered = await site.RecommendAsync();

        Assert.True((await site.Cooling.ApproveAsync(offered.Id, "bob")).Accepted);

        var failed = await site.UntilAsync(offered.Id, CoolingRecommendationState.Failed);
        Assert.Equal([20.0, 18.0], Devices.To(site.Ids.Crac('a')).Where(c => c.Name == "set_setpoint").Select(c => c.Arguments["setpoint_c"]).ToArray());
        Assert.Equal(18, await site.LatestAsync(site.Ids.Crac('a'), MetricNames.Setpoint));
        Assert.Equal(80, await site.LatestAsync(site.Ids.Crac('a'), "fan_pct"));
        // The refusing unit changed nothing, so nothing is sent back to it.
        Assert.Equal(2, Devices.To(site.Ids.Crac('b')).Count);
        Assert.Equal(18, await site.LatestAsync(site.Ids.Crac('b'), MetricNames.Setpoint));
        Assert.Contains(failed.Trail, t => t.Step == CoolingTrailSteps.CommandRefused && t.Actor == site.Ids.Crac('b'));
        Assert.Contains(failed.Trail, t => t.Step == CoolingTrailSteps.Revert);
        Assert.Contains(site.Ids.Crac('b'), failed.Reason);
        Assert.Null(await site.Cooling.GetPendingAsync());
    }

    [Fact]
    public async Task A_device_that_does_not_answer_fails_the_recommendation_and_nothing_is_left_half_applied()
    {
        var site = await new CoolingSite(cluster.Client, rooms: 2).StartAsync();
        Devices.Answers[site.Ids.Crac('b')] = DeviceAnswer.Silent;
        var offered = await site.RecommendAsync();

        Assert.True((await site.Cooling.ApproveAsync(offered.Id, "bob")).Accepted);

        var failed = await site.UntilAsync(offered.Id, CoolingRecommendationState.Failed);
        Assert.Equal(18, await site.LatestAsync(site.Ids.Crac('a'), MetricNames.Setpoint));
        Assert.Equal(80, await site.LatestAsync(site.Ids.Crac('a'), "fan_pct"));
        // The silent unit may still apply late, so it is told the previous settings too.
        Assert.Equal([20.0, 18.0], Devices.To(site.Ids.Crac('b')).Where(c => c.Name == "set_setpoint").Select(c => c.Arguments["setpoint_c"]).ToArray());
        Assert.Contains(failed.Trail, t => t.Step == CoolingTrailSteps.NoAnswer && t.TwinId == site.Ids.Crac('b'));
        Assert.Contains("no answer from " + site.Ids.Crac('b'), failed.Trail[^1].Detail);
        Assert.Equal(CoolingTrailSteps.Failed, failed.Trail[^1].Step);
    }
}
