using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The demo data centre: imports the sample topology into an empty twin, then plays the physical data centre —
/// simulated devices publish their readings over real MQTT to the embedded broker, as real devices would.
/// </summary>
internal sealed partial class DemoDataCentre(
    IGrainFactory grains,
    IConfiguration configuration,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> options,
    ILogger<DemoDataCentre> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo must be up before grains can be called.
        await WhenStartedAsync(stoppingToken);
        try
        {
            var view = await EnsureTopologyAsync(stoppingToken);
            if (view is null) return;
            var port = configuration.GetValue("DigitalTwin:Mqtt:Broker:Port", 1883);
            await using var devices = new SimulatedDevices(view, port, logger);
            await devices.RunAsync(options.Value.PublishInterval, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogDemoFailed(ex);
        }
    }

    private async Task<TopologyView?> EnsureTopologyAsync(CancellationToken cancellationToken)
    {
        var topology = grains.GetLiveTopology();
        var view = await topology.GetViewAsync();
        if (view.Entries.Count > 0)
        {
            LogKeepingTopology(view.Entries.Count);
            return view;
        }
        var path = FindTopologyFile(options.Value.Topology);
        if (path is null)
        {
            LogNoTopology(options.Value.Topology);
            return null;
        }
        var parsed = TopologyFile.Load(path);
        if (parsed.Errors.Count > 0 || parsed.Document is null)
        {
            LogTopologyRefused(path, string.Join("; ", parsed.Errors));
            return null;
        }
        var result = await topology.ImportAsync(parsed.Document);
        if (!result.Applied)
        {
            LogTopologyRefused(path, string.Join("; ", result.Errors));
            return null;
        }
        LogImported(path, result.Created);
        cancellationToken.ThrowIfCancellationRequested();
        return await topology.GetViewAsync();
    }

    private string? FindTopologyFile(string configured)
    {
        if (Path.IsPathRooted(configured)) return File.Exists(configured) ? configured : null;
        var candidates = new List<string> { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory };
        // From src/DigitalTwin.Silo (dotnet run) or its bin folder, walk up to the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln"))) candidates.Add(dir.FullName);
        }
        return candidates.Select(c => Path.Combine(c, configured)).FirstOrDefault(File.Exists);
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: topology {Path} refused: {Errors}")]
    private partial void LogTopologyRefused(string path, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: simulated devices stopped")]
    private partial void LogDemoFailed(Exception ex);
}
