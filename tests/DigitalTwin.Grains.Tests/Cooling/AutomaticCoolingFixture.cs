using DigitalTwin.Grains.Cooling;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>The automatic mode on, with steps of at most 1 °C and 5 %, at most once an hour.</summary>
public sealed class AutomaticCoolingFixture : CoolingClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureCooling(CoolingOptions options)
    {
        base.ConfigureCooling(options);
        options.Automatic.Enabled = true;
        options.Automatic.MaxSetpointStepC = 1;
        options.Automatic.MaxFanStepPct = 5;
        options.Automatic.MinInterval = TimeSpan.FromHours(1);
    }
}
