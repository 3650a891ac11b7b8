using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>A cluster whose twins checkpoint only hourly, so a test sees what deactivation alone writes.</summary>
public sealed class HourlyCheckpointFixture : TwinClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureTwins(TwinOptions options)
    {
        base.ConfigureTwins(options);
        options.CheckpointInterval = TimeSpan.FromHours(1);
    }
}
