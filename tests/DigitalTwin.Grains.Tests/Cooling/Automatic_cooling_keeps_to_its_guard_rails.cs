using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

public sealed class Automatic_cooling_keeps_to_its_guard_rails(AutomaticCoolingFixture cluster) : IClassFixture<AutomaticCoolingFixture>
{
    [Fact]
    public async Task The_automatic_mode_applies_steps_within_the_rails_then_waits_its_interval()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();

        var applied = await Eventually.Until(async () => await site.Cooling.GetRecommendationsAsync(),
            list => list.Any(r => r.State == CoolingRecommendationState.Applied), "an automatic application");

        var r = Assert.Single(applied);
        Assert.True(r.Automatic);
        Assert.Equal((18, 19, 80, 75), (r.Cracs[0].SetpointBeforeC, r.Cracs[0].SetpointAfterC, r.Cracs[0].FanBeforePct, r.Cracs[0].FanAfterPct));
        Assert.Equal(CoolingGrain.AutomaticActor, r.Trail.Single(t => t.Step == CoolingTrailSteps.Approved).Actor);
        await Task.Delay(1000);
        Assert.Single(await site.Cooling.GetRecommendationsAsync());
    }

    [Fact]
    public async Task A_step_beyond_the_rails_is_rejected_and_never_sent()
    {
        var site = new CoolingSite(cluster.Client);
        cluster.Optimiser.IgnoreStepLimits.Add(site.Ids.DataCentre);
        await site.StartAsync();

        var rejected = await Eventually.Until(async () => await site.Cooling.GetRecommendationsAsync(),
            list => list.Any(r => r.State == CoolingRecommendationState.Rejected), "an automatic refusal");

        var r = Assert.Single(rejected);
        Assert.StartsWith(CoolingRefusals.GuardRail, r.Reason);
        Assert.Contains("setpoint step 2 °C exceeds 1 °C", r.Reason);
        Assert.Empty(cluster.Devices.To(site.Ids.Crac('a')));
    }

    [Theory]
    [InlineData(8, 18, 7, false)]
    [InlineData(8, 18, 8, true)]
    [InlineData(8, 18, 18, false)]
    [InlineData(22, 6, 23, true)]
    [InlineData(22, 6, 3, true)]
    [InlineData(22, 6, 12, false)]
    public void Allowed_hours_are_a_half_open_window_that_may_wrap_midnight(int from, int to, int hour, bool allowed)
    {
        var rails = new AutomaticCoolingOptions { FromHour = from, ToHour = to };

        Assert.Equal(allowed, rails.AllowsHour(new DateTimeOffset(2026, 11, 30, hour, 30, 0, TimeSpan.Zero)));
    }
}
