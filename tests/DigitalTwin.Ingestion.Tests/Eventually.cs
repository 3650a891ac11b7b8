namespace DigitalTwin.Ingestion.Tests;

/// <summary>Polling with a deadline, for conditions that become true asynchronously on a loaded machine.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until it returns true; fails with <paramref name="what"/> after the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}. {describe?.Invoke()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls a synchronous condition.</summary>
    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? timeout = null, Func<string>? describe = null) =>
        TrueAsync(() => Task.FromResult(probe()), what, timeout, describe);
}
