using System.Globalization;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// The silos of a chaos run: processes of the real silo on PostgreSQL membership, each reading the external broker
/// through the shared subscription, each with fixed ports so that a silo restarted after a kill comes back on the
/// same endpoint (and so under the same broker client id, resuming its session).
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string>[] _settings;
    private readonly LocalSilo?[] _silos;
    private readonly CancellationTokenSource?[] _starting;

    private ChaosCluster(IReadOnlyDictionary<string, string>[] settings)
    {
        _settings = settings;
        _silos = new LocalSilo?[settings.Length];
        _starting = new CancellationTokenSource?[settings.Length];
    }

    public int Count => _silos.Length;

    /// <summary>The HTTP address of silo <paramref name="index"/>.</summary>
    public Uri Api(int index) => new(_settings[index]["urls"].TrimEnd('/') + "/");

    /// <summary>Whether silo <paramref name="index"/> is running and has served since its last start.</summary>
    public bool IsUp(int index) => _silos[index] is { HasExited: false };

    /// <summary>Whether silo <paramref name="index"/> is being started (its process runs but does not serve yet).</summary>
    public bool IsStarting(int index) => _starting[index] is not null;

    /// <summary>Silos that exited although nobody killed them.</summary>
    public int Crashed => _silos.Count(s => s is { HasExited: true });

    public static async Task<ChaosCluster> StartAsync(int silos, string connectionString, int brokerPort, string ackMode, CancellationToken cancellationToken)
    {
        var settings = Enumerable.Range(0, silos).Select(_ => SiloSettings(connectionString, brokerPort, ackMode)).ToArray();
        var cluster = new ChaosCluster(settings);
        try
        {
            // The first silo creates the cluster; the others join it together.
            await cluster.RestartAsync(0, cancellationToken);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(i => cluster.RestartAsync(i, cancellationToken)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>What the silos now up refused since they last started, by reason (from their ingestion statistics).</summary>
    public async Task<string> RefusalsAsync(CancellationToken cancellationToken)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (!IsUp(i)) continue;
            using var http = new HttpClient { BaseAddress = Api(i), Timeout = TimeSpan.FromSeconds(30) };
            using var stats = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/ingestion/stats", cancellationToken));
            foreach (var reason in stats.RootElement.GetProperty("rejected").EnumerateObject())
            {
                totals[reason.Name] = totals.GetValueOrDefault(reason.Name) + reason.Value.GetInt64();
            }
            totals["(adopted)"] = totals.GetValueOrDefault("(adopted)") + stats.RootElement.GetProperty("adopted_messages").GetInt64();
        }
        return string.Join(", ", totals.Select(t => $"{t.Key} {t.Value}"));
    }

    /// <summary>
    /// Kills silo <paramref name="index"/> with SIGKILL: no shutdown, no checkpoint, connections dropped. A silo still
    /// starting is killed too: its start ends in <see cref="OperationCanceledException"/> (the process is killed then).
    /// </summary>
    public async Task KillAsync(int index)
    {
        if (_starting[index] is { } start) await start.CancelAsync();
        if (_silos[index] is not { } silo) return;
        _silos[index] = null;
        await silo.DisposeAsync();
    }

    /// <summary>
    /// Starts silo <paramref name="index"/> (again) and waits until it serves; throws
    /// <see cref="OperationCanceledException"/> when it is killed while starting.
    /// </summary>
    public async Task RestartAsync(int index, CancellationToken cancellationToken)
    {
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _starting[index] = start;
        try
        {
            var silo = await LocalSilo.StartAsync(start.Token, _settings[index]);
            if (start.IsCancellationRequested)
            {
                // Killed just as it became ready: the kill stands.
                await silo.DisposeAsync();
                start.Token.ThrowIfCancellationRequested();
            }
            _silos[index] = silo;
        }
        finally
        {
            _starting[index] = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _silos.Length; i++) await KillAsync(i);
    }

    private static Dictionary<string, string> SiloSettings(string connectionString, int brokerPort, string ackMode) => new()
    {
        ["urls"] = $"http://127.0.0.1:{LoopbackPorts.Next()}",
        ["DigitalTwin:Storage:Provider"] = "Postgres",
        ["DigitalTwin:Storage:ConnectionString"] = connectionString,
        // The command migrated the scratch database itself, once, before any silo started.
        ["DigitalTwin:Storage:MigrateOnStart"] = "false",
        ["DigitalTwin:Cluster:SiloPort"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Cluster:GatewayPort"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Cluster:ClusterId"] = ChaosCommand.ClusterId,
        ["DigitalTwin:Cluster:ServiceId"] = ChaosCommand.ClusterId,
        // A killed silo is declared dead after about two missed one-second probes, not Orleans' production default.
        ["DigitalTwin:Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["DigitalTwin:Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["DigitalTwin:Mqtt:Broker:Enabled"] = "false",
        ["DigitalTwin:Mqtt:Broker:Port"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Mqtt:External:Enabled"] = "true",
        ["DigitalTwin:Mqtt:External:Host"] = "127.0.0.1",
        ["DigitalTwin:Mqtt:External:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Mqtt:External:SharedGroup"] = "chaos",
        ["DigitalTwin:Mqtt:External:ReconnectDelay"] = "00:00:00.500",
        ["DigitalTwin:Mqtt:External:AdoptionPollInterval"] = "00:00:01",
        ["DigitalTwin:Mqtt:AckMode"] = ackMode,
    };
}
