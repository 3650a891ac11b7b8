using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace DigitalTwin.Testing.Processes;

/// <summary>
/// The real silo host (src/DigitalTwin.Silo, as built) run as a separate process on free loopback ports, the way an
/// operator runs it: for tests of what survives a process stop and start, and of what a user sees over HTTP and MQTT.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, SiloPorts ports, string workingDirectory)
    {
        _process = process;
        Ports = ports;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The ports this silo listens on.</summary>
    public SiloPorts Ports { get; }

    /// <summary>The silo's working directory (where the embedded SQLite store lives unless configured otherwise).</summary>
    public string WorkingDirectory { get; }

    /// <summary>An HTTP client aimed at the silo's web port.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Everything the process printed so far (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>
    /// Starts the silo and waits until <c>/healthz</c> answers. <paramref name="settings"/> are passed as
    /// <c>--key=value</c> (an empty value drops one of the defaults below, and is passed on empty for other keys); ports and a working directory are chosen unless
    /// given. The silo runs with <c>DigitalTwin:Security:Mode=Open</c> on loopback unless the settings say otherwise.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? settings = null,
        SiloPorts? ports = null, bool demo = false, TimeSpan? timeout = null)
    {
        ports ??= SiloPorts.Allocate();
        Directory.CreateDirectory(workingDirectory);
        var assembly = RepositoryLayout.BuiltAssembly("DigitalTwin.Silo");
        if (!File.Exists(assembly)) throw new InvalidOperationException($"The silo is not built: {assembly}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        if (demo) info.ArgumentList.Add("--demo");
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{ports.Http}",
            ["DigitalTwin:Cluster:SiloPort"] = ports.Silo.ToString(),
            ["DigitalTwin:Cluster:GatewayPort"] = ports.Gateway.ToString(),
            ["DigitalTwin:Mqtt:Broker:Port"] = ports.Mqtt.ToString(),
            ["DigitalTwin:Mqtt:Broker:BindAddress"] = "127.0.0.1",
            // Tests that are not about security run the silo open (loopback only); security tests pass Mode=Required.
            ["DigitalTwin:Security:Mode"] = "Open",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:DigitalTwin"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            // An empty value drops one of the defaults; for any other key it is passed on empty (the demo's
            // Topology= asks the simulator to generate a data centre).
            if (value.Length == 0 && all.ContainsKey(key)) all.Remove(key);
            else all[key] = value;
        }
        foreach (var (key, value) in all) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, ports, workingDirectory);
        silo.Http.BaseAddress = new Uri($"http://127.0.0.1:{ports.Http}");
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>Stops the silo as an operator would (SIGTERM: graceful shutdown, twins deactivate and checkpoint) and waits for the exit.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        _ = SendSignal(_process.Id, 15);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The silo did not stop within the timeout after SIGTERM.\n" + Output);
        }
    }

    /// <summary>Kills the silo without warning (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // HasExited can turn true before the redirected output has been read to its end; waiting for the exit
                // also waits for the readers to drain, so the message says why it stopped (it once read empty in CI).
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        await KillAsync();
        throw new TimeoutException($"The silo did not answer /healthz within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) { if (_output.Length < 2_000_000) _output.AppendLine(line); }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { }
        Http.Dispose();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

/// <summary>The loopback ports of one silo process.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway, int Mqtt)
{
    /// <summary>Four free ports.</summary>
    public static SiloPorts Allocate() => new(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
}
