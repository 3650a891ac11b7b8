namespace DigitalTwin.Testing;

/// <summary>
/// Polling with a deadline, for effects that arrive asynchronously (rollups on a timer, checkpoints, membership,
/// broker deliveries): never a fixed sleep as an assertion. The deadline is generous because a loaded two-core
/// machine can be slow; a passing test never waits for it.
/// </summary>
public static class Eventually
{
    /// <summary>The default deadline.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value satisfying <paramref name="condition"/> and returns
    /// that value; fails with the last value (or error) seen when the deadline passes.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            T last;
            Exception? lastError = null;
            try
            {
                last = await probe();
                if (condition(last)) return last;
            }
            catch (Exception error)
            {
                last = default!;
                lastError = error;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {last}", lastError);
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it returns true; fails naming <paramref name="what"/> after the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}. {describe?.Invoke()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls a synchronous condition.</summary>
    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? timeout = null, Func<string>? describe = null) =>
        TrueAsync(() => Task.FromResult(probe()), what, timeout, describe);
}
