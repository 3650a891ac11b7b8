using System.Collections.Concurrent;
using DigitalTwin.Persistence.Serialization;
using Orleans.Storage;

namespace DigitalTwin.Testing.Cluster;

/// <summary>
/// In-memory grain storage for test clusters that behaves like the real one where it matters: every state goes
/// through the product's JSON serializer (so a state that does not round-trip fails here), writes check the ETag,
/// and it counts writes per state and key. Tests can make writes fail to simulate a storage outage.
/// </summary>
public sealed class RecordingGrainStorage : IGrainStorage
{
    private readonly TwinStateJsonSerializer _serializer = new();
    private readonly ConcurrentDictionary<(string State, string Key), (BinaryData Payload, long Version)> _rows = new();
    private readonly ConcurrentDictionary<(string State, string Key), int> _writes = new();
    private volatile Func<string, string, bool>? _failWrites;
    private volatile Func<string, string, TimeSpan>? _writeDelay;
    private long _versions;

    /// <summary>How many writes (and clears) reached a state name and grain key.</summary>
    public int WritesTo(string stateName, string grainKey) => _writes.GetValueOrDefault((stateName, grainKey));

    /// <summary>How many writes reached keys matching <paramref name="grainKey"/>, across all state names.</summary>
    public int WritesWhere(Func<string, bool> grainKey) => _writes.Where(p => grainKey(p.Key.Key)).Sum(p => p.Value);

    /// <summary>Whether a row exists for a state name and grain key.</summary>
    public bool Holds(string stateName, string grainKey) => _rows.ContainsKey((stateName, grainKey));

    /// <summary>Makes writes and clears fail while <paramref name="predicate"/>(stateName, grainKey) holds; null heals.</summary>
    public void FailWrites(Func<string, string, bool>? predicate) => _failWrites = predicate;

    /// <summary>Makes each write to (stateName, grainKey) take <paramref name="delay"/>(stateName, grainKey) longer; null heals.</summary>
    public void DelayWrites(Func<string, string, TimeSpan>? delay) => _writeDelay = delay;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, KeyOf(grainId)), out var row))
        {
            grainState.State = _serializer.Deserialize<T>(row.Payload);
            grainState.ETag = row.Version.ToString();
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, KeyOf(grainId));
        if (_writeDelay?.Invoke(stateName, key.Item2) is { } delay && delay > TimeSpan.Zero) await Task.Delay(delay);
        Guard(key);
        var version = Interlocked.Increment(ref _versions);
        var payload = _serializer.Serialize(grainState.State);
        lock (_rows)
        {
            if (_rows.TryGetValue(key, out var held) && held.Version.ToString() != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch on {key}", held.Version.ToString(), grainState.ETag);
            }
            _rows[key] = (payload, version);
        }
        grainState.ETag = version.ToString();
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, KeyOf(grainId));
        Guard(key);
        _rows.TryRemove(key, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private void Guard((string State, string Key) key)
    {
        _writes.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (_failWrites is { } fail && fail(key.State, key.Key))
        {
            throw new IOException($"Simulated storage outage writing {key.State}/{key.Key}.");
        }
    }

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString()!;
}
