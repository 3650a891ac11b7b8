using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// Gives memory back to the operating system once a burst is over. A flood of large or hostile messages leaves the
/// garbage collector (server GC) holding hundreds of megabytes of already-dead buffers that it returns only at its
/// next full collection, which an idle silo may never reach: resident memory would stay at the burst's peak. When no
/// telemetry message arrived for <c>DigitalTwin:Memory:IdleAfter</c> (5 s) and the GC holds more than
/// <c>DigitalTwin:Memory:TrimAboveMb</c> (64 MB) beyond the live heap, one aggressive collection decommits it (at
/// most once per <c>DigitalTwin:Memory:MinTrimInterval</c>, 30 s). Under steady load it never runs, so it costs
/// nothing there. Off with <c>DigitalTwin:Memory:TrimWhenIdle=false</c>.
/// </summary>
public sealed class IdleMemoryTrim(IngestionStatistics statistics, IConfiguration configuration, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    private readonly IConfigurationSection _settings = configuration.GetSection("DigitalTwin:Memory");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.GetValue("TrimWhenIdle", true)) return;
        var idleAfter = _settings.GetValue("IdleAfter", TimeSpan.FromSeconds(5));
        var minInterval = _settings.GetValue("MinTrimInterval", TimeSpan.FromSeconds(30));
        var threshold = _settings.GetValue("TrimAboveMb", 64L) * 1024 * 1024;
        var lastReceived = -1L;
        var quietSince = DateTime.UtcNow;
        var lastTrim = DateTime.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var received = statistics.Snapshot().ReceivedMessages;
                var now = DateTime.UtcNow;
                if (received != lastReceived)
                {
                    lastReceived = received;
                    quietSince = now;
                    continue;
                }
                if (now - quietSince < idleAfter || now - lastTrim < minInterval) continue;
                var info = GC.GetGCMemoryInfo();
                var slack = info.TotalCommittedBytes - info.HeapSizeBytes;
                if (slack < threshold) continue;
                lastTrim = now;
                var result = MemoryCompaction.Compact();
                logger.LogInformation("Idle after a burst: returned {Released} MB the garbage collector held beyond the live heap",
                    (result.CommittedBeforeBytes - result.CommittedAfterBytes) / 1048576);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
