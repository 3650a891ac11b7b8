using System.Globalization;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The demo data centre: imports the demo topology into an empty twin, then starts the data-centre simulator
/// (samples/DataCentreSimulator, a process of its own with its own physics) against the silo's broker and clock.
/// Its devices publish over real MQTT, obey the twin's commands and fail on the demo's fault schedule; the twin
/// knows nothing of its physics.
/// </summary>
internal sealed partial class DemoDataCentre(
    IGrainFactory grains,
    IConfiguration configuration,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    IOptions<DemoOptions> options,
    ILogger<DemoDataCentre> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's start: everything below runs beside it.
        await Task.Yield();
        try
        {
            var dll = options.Value.Simulator.Path is { Length: > 0 } configured ? configured : SimulatorProcess.FindBuilt();
            if (dll is null || !File.Exists(dll))
            {
                LogNoSimulator(dll ?? "samples/DataCentreSimulator/bin");
                return;
            }
            var topology = await TopologyFileAsync(dll, stoppingToken);
            if (topology is null) return;
            // Neither reading the topology nor the simulator's settling needs the silo, so both start with it: the
            // simulator settles its physics (ten seconds or more on a busy machine) while the silo starts and the twins
            // are imported, connects once the broker listens, and starts publishing only once the twins exist, so the
            // first readings the twin sees are of a settled plant.
            var parsing = Task.Run(() => TopologyFile.Load(topology), stoppingToken);
            await using var simulator = SimulatorProcess.Start(dll, [.. RunArguments(topology), "--start-on-input"], logger);
            // The silo must be up (grains callable) before the import.
            await WhenStartedAsync(stoppingToken);
            if (!await EnsureImportedAsync(topology, parsing)) return;
            await simulator.SignalStartAsync();
            LogSimulatorStarted(topology);
            var exit = await simulator.WaitForExitAsync(stoppingToken);
            LogSimulatorExited(exit);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogDemoFailed(ex);
        }
    }

    // The demo's topology file, or one the simulator generates (and writes) when none is configured.
    private async Task<string?> TopologyFileAsync(string dll, CancellationToken cancellationToken)
    {
        if (options.Value.Topology is { Length: > 0 } configured)
        {
            var found = Resolve(configured);
            if (found is null) LogNoTopology(configured);
            return found;
        }
        var simulator = options.Value.Simulator;
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dt-demo-{Environment.ProcessId}-{simulator.Servers}x{simulator.Rooms}-{simulator.Seed}.yaml");
        await using var writer = SimulatorProcess.Start(dll,
            ["--servers", Invariant(simulator.Servers), "--rooms", Invariant(simulator.Rooms), "--seed", Invariant(simulator.Seed), "--write-topology", path], logger);
        var exit = await writer.WaitForExitAsync(cancellationToken);
        if (exit == 0 && File.Exists(path)) return path;
        LogNoTopology(path);
        return null;
    }

    private async Task<bool> EnsureImportedAsync(string path, Task<TopologyParseResult> parsing)
    {
        var topology = grains.GetLiveTopology();
        var view = await topology.GetViewAsync();
        if (view.Entries.Count > 0)
        {
            LogKeepingTopology(view.Entries.Count);
            return true;
        }
        var parsed = await parsing;
        if (parsed.Errors.Count > 0 || parsed.Document is null)
        {
            LogTopologyRefused(path, string.Join("; ", parsed.Errors));
            return false;
        }
        TopologyChangeResult result;
        try
        {
            result = await topology.ImportAsync(parsed.Document);
        }
        catch (TimeoutException)
        {
            // A few thousand twins on a busy machine can outlast the call's response timeout; the import goes on in
            // the topology grain regardless, so wait for it rather than give up the demo.
            return await WaitForImportAsync(topology, path, parsed.Document.Twins.Count);
        }
        if (!result.Applied)
        {
            LogTopologyRefused(path, string.Join("; ", result.Errors));
            return false;
        }
        LogImported(path, result.Created);
        return true;
    }

    private async Task<bool> WaitForImportAsync(ITopologyGrain topology, string path, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var count = (await topology.GetViewAsync()).Entries.Count;
                if (count >= expected)
                {
                    LogImported(path, count);
                    return true;
                }
            }
            catch (TimeoutException)
            {
                // Still busy importing.
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        LogTopologyRefused(path, "the import did not finish within 10 minutes");
        return false;
    }

    private List<string> RunArguments(string topology)
    {
        var simulator = options.Value.Simulator;
        var port = configuration.GetValue("DigitalTwin:Mqtt:Broker:Port", 1883);
        var arguments = new List<string>
        {
            "--topology", topology,
            "--broker", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--client-id", $"dt-demo-simulator-{Environment.ProcessId}",
            // A silo killed without warning takes its simulator with it.
            "--parent-pid", Invariant(Environment.ProcessId),
            "--seed", Invariant(simulator.Seed),
            "--interval", simulator.Interval.ToString("R", CultureInfo.InvariantCulture),
        };
        if (simulator.ComponentInterval > 0) arguments.AddRange(["--component-interval", simulator.ComponentInterval.ToString("R", CultureInfo.InvariantCulture)]);
        // One clock for the world and its twin: the simulator reads the same simulated time as the twins.
        if (TwinClock.From(services) is ScaledTimeProvider clock)
        {
            arguments.AddRange([
                "--time-scale", clock.Scale.ToString("R", CultureInfo.InvariantCulture),
                "--epoch", clock.Epoch.ToString("O", CultureInfo.InvariantCulture),
                "--clock-anchor", clock.Anchor.ToString("O", CultureInfo.InvariantCulture),
            ]);
        }
        if (options.Value.Faults is { Length: > 0 } faults)
        {
            if (Resolve(faults) is { } schedule) arguments.AddRange(["--faults", schedule]);
            else LogNoFaults(faults);
        }
        if (simulator.Truth is { Length: > 0 } truth) arguments.AddRange(["--truth", System.IO.Path.GetFullPath(truth)]);
        if (simulator.ExtraArguments is { Length: > 0 } extra)
        {
            arguments.AddRange(extra.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return arguments;
    }

    // Relative paths: the working directory, the content root, the silo's folder, then the repository root above it.
    private string? Resolve(string configured)
    {
        if (System.IO.Path.IsPathRooted(configured)) return File.Exists(configured) ? configured : null;
        var candidates = new List<string> { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DigitalTwin.sln"))) candidates.Add(dir.FullName);
        }
        return candidates.Select(c => System.IO.Path.GetFullPath(System.IO.Path.Combine(c, configured))).FirstOrDefault(File.Exists);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: the live twin already holds {Count} twins; keeping them")]
    private partial void LogKeepingTopology(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: imported {Path} ({Created} twins)")]
    private partial void LogImported(string path, int created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: topology file {Path} not found; no demo data centre")]
    private partial void LogNoTopology(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: fault schedule {Path} not found; the simulator runs without planted faults")]
    private partial void LogNoFaults(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: topology {Path} refused: {Errors}")]
    private partial void LogTopologyRefused(string path, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: no data-centre simulator at {Path}; build samples/DataCentreSimulator or set DigitalTwin:Demo:Simulator:Path")]
    private partial void LogNoSimulator(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: the data-centre simulator is running {Path}")]
    private partial void LogSimulatorStarted(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: the data-centre simulator exited with code {Code}")]
    private partial void LogSimulatorExited(int code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: the simulator could not be run")]
    private partial void LogDemoFailed(Exception ex);
}
