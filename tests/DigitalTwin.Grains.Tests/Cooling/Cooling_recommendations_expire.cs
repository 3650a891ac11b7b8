using DigitalTwin.Abstractions.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

public sealed class Cooling_recommendations_expire(ShortLivedRecommendationsFixture cluster) : IClassFixture<ShortLivedRecommendationsFixture>
{
    [Fact]
    public async Task Approving_an_expired_recommendation_is_refused_and_nothing_is_sent()
    {
        var site = await new CoolingSite(cluster.Client).StartAsync();
        var offered = await site.RecommendAsync();

        var expired = await site.UntilAsync(offered.Id, CoolingRecommendationState.Expired);
        var refused = await site.Cooling.ApproveAsync(offered.Id, "bob");

        Assert.Equal(CoolingRefusals.Expired, refused.Code);
        Assert.Contains(expired.Trail, t => t.Step == CoolingTrailSteps.Expired);
        Assert.Null(await site.Cooling.GetPendingAsync());
        Assert.Empty(cluster.Devices.To(site.Ids.Crac('a')));
    }
}
