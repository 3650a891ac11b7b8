namespace DigitalTwin.Testing.Cluster;

/// <summary>Polling with a deadline, for effects that arrive on a timer (rollups, checkpoints, retries).</summary>
public static class Eventually
{
    /// <summary>The default deadline: generous, because a loaded two-core machine can be slow.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value satisfying <paramref name="condition"/>, and returns
    /// that value; fails with the last value seen when the deadline passes.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T last;
        Exception? lastError = null;
        while (true)
        {
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
}
