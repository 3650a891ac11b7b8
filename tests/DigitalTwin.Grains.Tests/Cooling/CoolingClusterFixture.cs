using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Grains.Cooling;
using DigitalTwin.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>
/// A cluster whose CRAC twins command <see cref="CracDevices"/>, with the stand-in optimiser, a fast cooling loop
/// (ticks of 100 ms, acknowledgements within 2 s, a 2 s watch) and recommendations that live 10 minutes.
/// </summary>
public class CoolingClusterFixture : TwinClusterFixture
{
    /// <summary>The devices behind the CRAC twins.</summary>
    public CracDevices Devices { get; } = new();

    /// <summary>The optimiser the loop calls.</summary>
    public StepOptimiser Optimiser { get; } = new();

    /// <summary>The optimiser registered in place of the silo's own; null keeps the silo's (the models').</summary>
    protected virtual ICoolingOptimiser? Replacement => Optimiser;

    /// <summary>Adjusts the cooling loop's options.</summary>
    protected virtual void ConfigureCooling(CoolingOptions options)
    {
        options.TickInterval = TimeSpan.FromMilliseconds(100);
        options.AcknowledgementTimeout = TimeSpan.FromSeconds(2);
        options.WatchPeriod = TimeSpan.FromSeconds(2);
        options.RecommendationLifetime = TimeSpan.FromMinutes(10);
    }

    /// <inheritdoc />
    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IDeviceCommandPublisher>(services =>
        {
            Devices.Grains = services.GetRequiredService<IGrainFactory>();
            return Devices;
        });
        if (Replacement is { } optimiser) silo.Services.AddSingleton(optimiser);
        silo.Services.Configure<CoolingOptions>(ConfigureCooling);
    }
}
