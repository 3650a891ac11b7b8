using System.Globalization;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Twins;
using Orleans.Streams;

namespace ClientSample;

/// <summary>
/// Follows a rack's change feed: subscribe first, then take the snapshot already read as the baseline, and print
/// every change stamped after it, until enough were seen or the time is up.
/// </summary>
internal static class RackFollower
{
    public static async Task FollowAsync(IClusterClient client, TwinSnapshot rack, int changes, TimeSpan wait)
    {
        if (changes == 0) return;
        var seen = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = rack.Rollup?.AsOf ?? DateTimeOffset.MinValue;
        var feed = client.GetStreamProvider(TwinChangeStreams.ProviderName).TwinStream(rack.Spec.Id);
        var subscription = await feed.SubscribeAsync((change, _) =>
        {
            if (change.At <= after) return Task.CompletedTask;
            Console.WriteLine($"change {change.TwinId} {change.Change} at {change.At:HH:mm:ss.fff}: {Describe(change)}");
            if (Interlocked.Increment(ref seen) >= changes) done.TrySetResult();
            return Task.CompletedTask;
        });
        Console.WriteLine($"following {rack.Spec.Id} ({changes} changes, at most {wait})");
        await Task.WhenAny(done.Task, Task.Delay(wait));
        await subscription.UnsubscribeAsync();
        Console.WriteLine($"{seen} change(s) of {rack.Spec.Id}");
    }

    private static string Describe(TwinChange change)
    {
        var inv = CultureInfo.InvariantCulture;
        return change switch
        {
            { Rollup: { } r } => $"IT power {r.ItPowerW.ToString("0", inv)} W, inlet max {r.MaxInletC?.ToString("0.0", inv) ?? "-"} °C, worst {r.WorstHealth}",
            { Alert: { } a } => $"alert {a.AlertId} {a.State} {a.Metric}={a.Value.ToString("0.##", inv)}",
            _ => $"health {change.Health}{(change.HealthReason is null ? "" : $" ({change.HealthReason})")}",
        };
    }
}
