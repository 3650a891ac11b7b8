using System.Collections.Frozen;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Ingestion.Twins;

/// <summary>
/// The ingestion's cached copy of the live topology's id → kind directory, so that resolving a twin costs a
/// dictionary look-up instead of a grain call per message. It reloads when the topology's version changes (checked
/// every <see cref="MqttIngestionOptions.TopologyPollInterval"/>) and when an unknown id arrives, at most once per
/// <see cref="MqttIngestionOptions.UnknownTwinRefreshInterval"/>.
/// </summary>
public sealed class TwinDirectory(IGrainFactory grains, IOptions<MqttIngestionOptions> options, TimeProvider time, ILogger<TwinDirectory> logger)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Entries? _entries;
    private long _lastCheckTicks = long.MinValue / 2;
    private long _lastPollTicks = long.MinValue / 2;
    private int _polling;

    /// <summary>The kind of <paramref name="twinId"/>, or null when no such twin exists.</summary>
    public ValueTask<TwinKind?> ResolveAsync(string twinId)
    {
        var entries = _entries;
        if (entries is not null && entries.Kinds.TryGetValue(twinId, out var kind))
        {
            PollInBackgroundWhenDue();
            return ValueTask.FromResult<TwinKind?>(kind);
        }
        return ResolveSlowAsync(twinId);
    }

    /// <summary>Marks the cache as stale (a twin said it does not exist), so the next unknown id reloads it.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _lastCheckTicks, long.MinValue / 2);

    private async ValueTask<TwinKind?> ResolveSlowAsync(string twinId)
    {
        var now = time.GetTimestamp();
        var due = _entries is null
            || time.GetElapsedTime(Interlocked.Read(ref _lastCheckTicks), now) >= options.Value.UnknownTwinRefreshInterval;
        if (due) await ReloadAsync().ConfigureAwait(false);
        return _entries is { } entries && entries.Kinds.TryGetValue(twinId, out var kind) ? kind : null;
    }

    private void PollInBackgroundWhenDue()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref _lastPollTicks), now) < options.Value.TopologyPollInterval) return;
        if (Interlocked.Exchange(ref _polling, 1) == 1) return;
        Interlocked.Exchange(ref _lastPollTicks, now);
        _ = Task.Run(async () =>
        {
            try
            {
                await ReloadAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not check the topology for changes; keeping the cached twin directory");
            }
            finally
            {
                Volatile.Write(ref _polling, 0);
            }
        });
    }

    private async Task ReloadAsync()
    {
        var before = Interlocked.Read(ref _lastCheckTicks);
        await _reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            // Someone else reloaded while this call waited: their result is as fresh as ours would be.
            if (_entries is not null && Interlocked.Read(ref _lastCheckTicks) != before) return;
            var topology = grains.GetLiveTopology();
            var version = await topology.GetVersionAsync().ConfigureAwait(false);
            if (_entries is { } current && current.Version == version)
            {
                Interlocked.Exchange(ref _lastCheckTicks, time.GetTimestamp());
                return;
            }
            var view = await topology.GetViewAsync().ConfigureAwait(false);
            _entries = new Entries(view.Version, view.Entries.ToFrozenDictionary(e => e.Id, e => e.Kind, StringComparer.Ordinal));
            Interlocked.Exchange(ref _lastCheckTicks, time.GetTimestamp());
            Interlocked.Exchange(ref _lastPollTicks, time.GetTimestamp());
            logger.LogDebug("Twin directory loaded: {Count} twins at topology version {Version}", view.Entries.Count, view.Version);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private sealed record Entries(long Version, FrozenDictionary<string, TwinKind> Kinds);
}
