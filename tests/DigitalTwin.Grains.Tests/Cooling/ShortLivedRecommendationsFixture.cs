using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>Recommendations that expire after a second.</summary>
public sealed class ShortLivedRecommendationsFixture : CoolingClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureCooling(CoolingOptions options)
    {
        base.ConfigureCooling(options);
        options.RecommendationLifetime = TimeSpan.FromSeconds(1);
    }
}
