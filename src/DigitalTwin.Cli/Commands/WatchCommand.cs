using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Cli.Client;
using Orleans.Streams;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt watch &lt;twin&gt;</c>: follows a twin's change feed live. It subscribes first, then reads the snapshot and
/// prints only changes stamped after it, so nothing between the two is lost or shown twice; when the subscription
/// fails (a silo restarted, the gateway connection was lost) it subscribes again and rereads the snapshot.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var twinId = new Argument<string>("twin") { Description = "The twin to follow." };
        var subtree = new Option<bool>("--subtree") { Description = "Follow the whole subtree of a rack, room or data centre (its descendants' changes too)." };
        var count = new Option<int?>("--count") { Description = "Stop after this many changes." };
        var duration = new Option<TimeSpan?>("--for") { Description = "Stop after this long (e.g. 00:01:00)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per change (JSON Lines)." };
        var command = new Command("watch", "Follow a twin's changes live on its change feed (Ctrl-C to stop).") { twinId, subtree, count, duration, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, cancellation) =>
        {
            var id = parse.GetValue(twinId)!;
            var entry = TwinIds.IsValid(id) ? await client.GetLiveTopology().ResolveAsync(id) : null;
            if (entry is null)
            {
                await Console.Error.WriteLineAsync($"dt: no twin has the id '{id}'");
                return 4;
            }
            var wholeSubtree = parse.GetValue(subtree);
            if (wholeSubtree && entry.Kind.LevelOf() > TwinLevel.Rack)
            {
                await Console.Error.WriteLineAsync($"dt: '{id}' is a {entry.Kind}; only racks, rooms and data centres have subtree feeds");
                return 2;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (parse.GetValue(duration) is { } limit) stop.CancelAfter(limit);
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            var feed = new Feed(client, client.GetTwin(id, entry.Kind), id, wholeSubtree, parse.GetValue(json));
            return await feed.RunAsync(parse.GetValue(count), stop.Token);
        }, ct));
        return command;
    }

    private sealed class Feed(IClusterClient client, ITwinGrain twin, string id, bool subtree, bool json)
    {
        private readonly Channel<object> _events = Channel.CreateBounded<object>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        private readonly IStreamProvider _streams = client.GetStreamProvider(TwinChangeStreams.ProviderName);

        public async Task<int> RunAsync(int? count, CancellationToken stop)
        {
            var printed = 0;
            while (!stop.IsCancellationRequested)
            {
                var unsubscribe = await SubscribeAsync();
                var snapshot = await twin.GetSnapshotAsync();
                if (printed == 0) await Console.Error.WriteLineAsync($"following {id} ({snapshot.Spec.Kind}, {snapshot.Health}) from {snapshot.AsOf:u}");
                try
                {
                    await foreach (var item in _events.Reader.ReadAllAsync(stop))
                    {
                        if (item is Exception error)
                        {
                            await Console.Error.WriteLineAsync($"dt: the feed failed ({error.Message}); following again from a fresh snapshot");
                            break;
                        }
                        foreach (var change in Changes(item).Where(c => c.At > snapshot.AsOf))
                        {
                            Console.WriteLine(json ? JsonSerializer.Serialize(change, CliJson.Compact) : ChangeText.Line(change));
                            if (++printed >= count) return 0;
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                finally
                {
                    await unsubscribe();
                }
            }
            return 0;
        }

        private static IEnumerable<TwinChange> Changes(object item) => item switch
        {
            TwinChange change => [change],
            TwinChangeBatch batch => batch.Changes,
            _ => [],
        };

        /// <summary>Subscribes and returns how to unsubscribe.</summary>
        private async Task<Func<Task>> SubscribeAsync()
        {
            Task OnError(Exception error) => _events.Writer.WriteAsync(error).AsTask();
            if (subtree)
            {
                var batches = await _streams.SubtreeStream(id).SubscribeAsync((batch, _) => _events.Writer.WriteAsync(batch).AsTask(), OnError);
                return batches.UnsubscribeAsync;
            }
            var changes = await _streams.TwinStream(id).SubscribeAsync((change, _) => _events.Writer.WriteAsync(change).AsTask(), OnError);
            return changes.UnsubscribeAsync;
        }
    }
}
