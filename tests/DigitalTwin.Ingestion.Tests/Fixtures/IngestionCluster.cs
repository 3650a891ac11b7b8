using DigitalTwin.Testing.Processes;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Persistence.Serialization;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Topology;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>
/// One in-process silo with the real twins, the ingestion services and the embedded broker on a free loopback port,
/// loaded with a generated topology (one room, four racks of ten servers, each with nine components).
/// </summary>
public abstract class IngestionCluster : IAsyncLifetime
{
    /// <summary>The host name the generated collectd configuration reports, mapped to <see cref="CollectdTwin"/>.</summary>
    public const string CollectdHost = "dt-collectd-test";

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public int BrokerPort { get; private set; }
    public TopologyDocument Topology { get; } = TopologyGenerator.Generate(1, 4, 10, withComponents: true);

    /// <summary>The cluster's client, as an integrator would hold it.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's ingestion statistics.</summary>
    public IngestionStatistics Statistics => SiloServices.GetRequiredService<IngestionStatistics>();

    /// <summary>The silo's services.</summary>
    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public IReadOnlyList<TwinSpec> Servers => Topology.Twins.Where(t => t.Kind == TwinKind.Server).ToList();
    public TwinSpec Rack => Topology.Twins.First(t => t.Kind == TwinKind.Rack);
    public string CollectdTwin => Servers[^1].Id;

    /// <summary>Settings layered over the defaults for this cluster.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public async Task InitializeAsync()
    {
        BrokerPort = FreePorts.Next();
        var settings = new Dictionary<string, string?>
        {
            ["DigitalTwin:Mqtt:Broker:Port"] = BrokerPort.ToString(),
            ["DigitalTwin:Mqtt:Broker:BindAddress"] = "127.0.0.1",
            ["DigitalTwin:Mqtt:AllowAnonymous"] = "true",
            [$"DigitalTwin:Mqtt:Collectd:Hosts:{CollectdHost}"] = CollectdTwin,
            ["DigitalTwin:Mqtt:Collectd:Metrics:load/load"] = "load_1m,load_5m,load_15m",
            ["DigitalTwin:Mqtt:Collectd:Metrics:memory/memory-used"] = "mem_used_bytes",
            ["DigitalTwin:Twins:RollupInterval"] = "00:00:00.250",
        };
        Configure(settings);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(TwinStorage.Name, o => o.GrainStorageSerializer = new TwinStateJsonSerializer())
            .AddMemoryGrainStorage("PubSubStore")
            .UseInMemoryReminderService()
            .AddDigitalTwinGrains());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddDigitalTwinIngestion(host.Configuration);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        var imported = await Grains.GetLiveTopology().ImportAsync(Topology);
        if (!imported.Applied) throw new InvalidOperationException("Topology import failed: " + string.Join("; ", imported.Errors));
        await FreePorts.WaitUntilListeningAsync(BrokerPort, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
