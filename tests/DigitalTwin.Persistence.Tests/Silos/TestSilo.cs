using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Persistence.Hosting;
using DigitalTwin.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Tests.Silos;

/// <summary>
/// A real silo in a generic host, wired exactly as the product wires it (AddDigitalTwinPersistence and the twin
/// grains) from configuration, on its own free ports.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host, LogCapture logs, int siloPort, int gatewayPort)
    {
        _host = host;
        Logs = logs;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public LogCapture Logs { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's own twins storage, as the grains see it.</summary>
    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Name);

    /// <summary>Settings for a PostgreSQL-backed silo of the given cluster.</summary>
    public static Dictionary<string, string?> Postgres(string connectionString, string clusterId) => new()
    {
        ["DigitalTwin:Storage:Provider"] = "Postgres",
        ["DigitalTwin:Storage:ConnectionString"] = connectionString,
        ["DigitalTwin:Cluster:ClusterId"] = clusterId,
        ["DigitalTwin:Cluster:ServiceId"] = clusterId,
    };

    /// <summary>Settings for a SQLite-backed single silo.</summary>
    public static Dictionary<string, string?> Sqlite(string path) => new()
    {
        ["DigitalTwin:Storage:Provider"] = "Sqlite",
        ["DigitalTwin:Storage:SqlitePath"] = path,
    };

    public static async Task<TestSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DigitalTwin:Cluster:SiloPort"] = siloPort.ToString(),
                ["DigitalTwin:Cluster:GatewayPort"] = gatewayPort.ToString(),
            })
            .Build();
        var logs = new LogCapture();
        // The host sees the same settings, so grain options (DigitalTwin:Twins:...) can be set the same way.
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddConfiguration(configuration))
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .UseOrleans(silo =>
            {
                silo.AddDigitalTwinPersistence(configuration, TwinStorage.Name);
                silo.AddDigitalTwinGrains();
                silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            })
            .Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host, logs, siloPort, gatewayPort);
    }

    /// <summary>Stops the silo gracefully: its activations go and the cluster is told it left.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
