using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// A silo started by a benchmark or evaluation command from the build next to this <c>dt</c>: Memory storage (unless
/// overridden), demo off, security open (loopback only), anonymous publishing on, every port free and on loopback.
/// Stopped (by its process id) when disposed.
/// </summary>
internal sealed class LocalSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalSilo(Process process, IPEndPoint broker, Uri api, IPEndPoint gateway, string clusterId, bool embeddedBroker)
    {
        _process = process;
        Broker = broker;
        Api = api;
        Gateway = gateway;
        ClusterId = clusterId;
        _embeddedBroker = embeddedBroker;
    }

    private readonly bool _embeddedBroker;

    public IPEndPoint Broker { get; }
    public Uri Api { get; }

    /// <summary>The silo's gateway for Orleans clients.</summary>
    public IPEndPoint Gateway { get; }

    /// <summary>The cluster (and service) id the silo runs under.</summary>
    public string ClusterId { get; }

    /// <summary>The silo's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the silo process has exited (crashed, unless it was disposed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The silo's resident set size now (VmRSS), in bytes; 0 when it cannot be read.</summary>
    public long ResidentBytes() => ProcessMemory.ResidentBytes(_process.Id);

    /// <summary>
    /// The silo's resident set size with its live state only: the silo first runs one full compacting garbage
    /// collection (<c>POST /api/memory/compact</c>), then the least of <paramref name="seconds"/> readings a second
    /// apart counts (the operating system sees decommitted memory leave over a moment). Without the collection a
    /// reading depends on when the collector last ran: a baseline taken before one can exceed a later, fuller reading.
    /// 0 when unreadable.
    /// </summary>
    public async Task<long> LeastResidentBytesAsync(int seconds, CancellationToken cancellationToken)
    {
        using (var http = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromMinutes(5) })
        using (var response = await http.PostAsync("api/memory/compact", content: null, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            var compaction = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: silo compacted: managed heap {compaction.GetProperty("heapAfterBytes").GetInt64() / 1048576.0:F1} MB live, collector committed {compaction.GetProperty("committedBeforeBytes").GetInt64() / 1048576.0:F1} -> {compaction.GetProperty("committedAfterBytes").GetInt64() / 1048576.0:F1} MB"));
        }
        var least = long.MaxValue;
        for (var i = 0; i < seconds; i++)
        {
            await Task.Delay(1000, cancellationToken);
            var now = ResidentBytes();
            if (now > 0) least = Math.Min(least, now);
        }
        return least == long.MaxValue ? 0 : least;
    }

    /// <summary>The last lines the silo printed.</summary>
    public string Tail()
    {
        lock (_log) return _log.ToString();
    }

    /// <summary>
    /// Starts a silo; <paramref name="settings"/> (configuration keys and values) are added to, or override, the
    /// defaults (ports included: a silo restarted with the same settings comes back on the same endpoints).
    /// </summary>
    public static async Task<LocalSilo> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = FindSilo();
        int mqtt = LoopbackPorts.Next(), web = LoopbackPorts.Next(), silo = LoopbackPorts.Next(), gateway = LoopbackPorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{web}",
            ["DigitalTwin:Storage:Provider"] = "Memory",
            ["DigitalTwin:Demo:Enabled"] = "false",
            ["DigitalTwin:Security:Mode"] = "Open",
            ["DigitalTwin:Mqtt:AllowAnonymous"] = "true",
            ["DigitalTwin:Mqtt:Broker:BindAddress"] = "127.0.0.1",
            ["DigitalTwin:Mqtt:Broker:Port"] = mqtt.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Cluster:SiloPort"] = silo.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Cluster:GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            ["DigitalTwin:Cluster:ClusterId"] = $"dt-bench-{Environment.ProcessId}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in all) start.ArgumentList.Add($"--{key}={value}");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the silo");
        var api = new Uri(all["urls"].TrimEnd('/') + "/");
        mqtt = int.Parse(all["DigitalTwin:Mqtt:Broker:Port"], CultureInfo.InvariantCulture);
        gateway = int.Parse(all["DigitalTwin:Cluster:GatewayPort"], CultureInfo.InvariantCulture);
        var bench = new LocalSilo(process, new IPEndPoint(IPAddress.Loopback, mqtt), api,
            new IPEndPoint(IPAddress.Loopback, gateway), all["DigitalTwin:Cluster:ClusterId"],
            !string.Equals(all.GetValueOrDefault("DigitalTwin:Mqtt:Broker:Enabled"), "false", StringComparison.OrdinalIgnoreCase));
        process.OutputDataReceived += (_, e) => bench.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => bench.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.Error.WriteLine($"bench: starting {dll} (broker 127.0.0.1:{mqtt}, http {api})");
        try
        {
            await bench.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
        return bench;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Only the tail matters for a failure message; nothing grows without bound.
            if (_log.Length > 16_000) _log.Remove(0, 8_000);
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(5) };
        // Generous: on a machine at a load average of 50 a silo took 90 s to start.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the silo exited ({_process.ExitCode}): {Tail()}");
            try
            {
                using var response = await http.GetAsync("api/ingestion/stats", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    if (!_embeddedBroker) return;
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(Broker, cancellationToken);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the silo was not ready within 180 s: {Tail()}");
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string FindSilo() => CheckoutBuild.Find(Path.Combine("src", "DigitalTwin.Silo"), "DigitalTwin.Silo.dll");
}
