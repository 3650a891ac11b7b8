using System.Collections.Concurrent;
using Orleans.Streams;

namespace DigitalTwin.Testing.Changes;

/// <summary>Subscribes to an Orleans stream and keeps every item it receives, until disposed (then it unsubscribes).</summary>
public sealed class StreamRecorder<T> : IAsyncDisposable
{
    private readonly ConcurrentQueue<T> _items = new();
    private StreamSubscriptionHandle<T>? _handle;

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<T> Items => _items.ToArray();

    /// <summary>Subscribes and returns once the subscription is registered.</summary>
    public static async Task<StreamRecorder<T>> SubscribeAsync(IAsyncStream<T> stream)
    {
        var recorder = new StreamRecorder<T>();
        recorder._handle = await stream.SubscribeAsync((item, _) =>
        {
            recorder._items.Enqueue(item);
            return Task.CompletedTask;
        });
        return recorder;
    }

    /// <summary>Waits until an item satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        try
        {
            var found = await Eventually.Until(() => Task.FromResult(_items.Where(condition).Take(1).ToArray()), i => i.Length > 0, what, timeout);
            return found[0];
        }
        catch (TimeoutException error)
        {
            var seen = string.Join("\n", _items.TakeLast(20));
            throw new TimeoutException($"{error.Message}; {_items.Count} item(s) received, the last ones:\n{seen}", error);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_handle is not null) await _handle.UnsubscribeAsync();
    }
}
