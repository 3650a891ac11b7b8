using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>A cluster whose assets have a command channel.</summary>
public sealed class CommandClusterFixture : TwinClusterFixture
{
    /// <summary>The channel the assets publish to.</summary>
    public RecordingCommandPublisher Publisher { get; } = new();

    /// <inheritdoc />
    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Services.AddSingleton<IDeviceCommandPublisher>(Publisher);
}
