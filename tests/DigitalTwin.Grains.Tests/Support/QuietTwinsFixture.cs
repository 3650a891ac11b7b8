using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>
/// A cluster whose twins checkpoint only hourly (so a test sees what deactivation alone writes) and call a twin
/// stale after three quiet seconds.
/// </summary>
public sealed class QuietTwinsFixture : TwinClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureTwins(TwinOptions options)
    {
        base.ConfigureTwins(options);
        options.CheckpointInterval = TimeSpan.FromHours(1);
        options.StaleAfter = TimeSpan.FromSeconds(3);
    }
}
