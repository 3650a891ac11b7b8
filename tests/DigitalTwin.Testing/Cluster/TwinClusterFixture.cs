using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace DigitalTwin.Testing.Cluster;

/// <summary>
/// A one-silo in-process Orleans cluster with the twin grains, a <see cref="RecordingGrainStorage"/> as the
/// "twins" storage, in-memory reminders, the change feeds (memory streams), and fast cadences. Use it as an xunit class fixture; derive from it and
/// override <see cref="ConfigureSilo"/> (to add ingestion, say) or <see cref="ConfigureTwins"/>.
/// </summary>
public class TwinClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>The cluster, once started.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>The services of the (first) silo, to reach what a test added there.</summary>
    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    /// <summary>The twins' storage: counts writes and can simulate outages.</summary>
    public RecordingGrainStorage Storage { get; } = new();

    /// <summary>Fast cadences so tests see rollups and checkpoints within a second.</summary>
    protected virtual void ConfigureTwins(TwinOptions options)
    {
        options.RollupInterval = TimeSpan.FromMilliseconds(100);
        options.CheckpointInterval = TimeSpan.FromMilliseconds(500);
        options.PendingRetryInterval = TimeSpan.FromMilliseconds(500);
        options.HistoryGrace = TimeSpan.Zero;
        options.HistoryFlushAge = TimeSpan.Zero;
        options.IncidentInterval = TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Adds services or providers to the silo (called after the twins are registered).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    /// <summary>Configures the cluster client.</summary>
    protected virtual void ConfigureClient(IClientBuilder client)
    {
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(TwinStorage.Name, (_, _) => Storage);
            silo.UseInMemoryReminderService();
            silo.AddDigitalTwinGrains(ConfigureTwins);
            silo.AddTwinChangeFeeds();
            ConfigureSilo(silo);
        });
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(TwinChangeStreams.ProviderName);
            ConfigureClient(client);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
