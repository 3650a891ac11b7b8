using DigitalTwin.Grains.Capacity;
using DigitalTwin.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Grains.Tests.Capacity;

/// <summary>A cluster whose capacity grains sample IT power every 100 ms.</summary>
public sealed class CapacityClusterFixture : TwinClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Services.Configure<CapacityOptions>(o =>
        {
            o.SampleInterval = TimeSpan.FromMilliseconds(100);
            o.TickInterval = TimeSpan.FromMilliseconds(100);
        });
}
