using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Abstractions.Changes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// The change feeds as server-sent events, for pages and tools that speak HTTP: <c>GET /api/twins/{id}/events</c>
/// follows one twin, <c>GET /api/subtrees/{id}/events</c> a rack's, room's or data centre's subtree batches (optionally
/// only some twin kinds and change kinds: <c>?kind=rack,crac&amp;change=rollup,health</c>), and
/// <c>GET /api/changes/events?change=alert,incident</c> every live twin's changes of those kinds (never rollups). Each
/// event is one JSON item (<c>event: change</c> or <c>event: batch</c>). Like any subscriber, a page reads the snapshot
/// after it connects and applies later changes; a slow reader loses the oldest events beyond 1,000 rather than hold memory.
/// </summary>
internal static class ChangeEventEndpoints
{
    private const int Buffer = 1000;

    public static RouteGroupBuilder MapChangeEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/twins/{id}/events", (string id, HttpContext http, IClusterClient client, IOptions<JsonOptions> json) =>
            StreamAsync(http, "change", [Provider(client).TwinStream(id)], c => c, json.Value.SerializerOptions));
        api.MapGet("/subtrees/{id}/events", (string id, string? kind, string? change, HttpContext http, IClusterClient client, IOptions<JsonOptions> json) =>
            ChangeFilter.Parse(kind, change, out var error) is { } filter
                ? StreamAsync(http, "batch", [Provider(client).SubtreeStream(id)], filter.Apply, json.Value.SerializerOptions)
                : ApiProblems.BadRequest("bad_filter", error!).ExecuteAsync(http));
        api.MapGet("/changes/events", (string? change, HttpContext http, IClusterClient client, IOptions<JsonOptions> json) =>
        {
            var filter = ChangeFilter.Parse(null, change, out var error);
            if (filter?.Changes is not { Count: > 0 } kinds || kinds.Contains(TwinChangeKind.Rollup))
            {
                return ApiProblems.BadRequest("bad_filter", error ?? "Name the change kinds to follow (?change=alert,incident); rollups are followed per twin or subtree.").ExecuteAsync(http);
            }
            return StreamAsync(http, "change", [.. kinds.Select(k => Provider(client).KindStream(k))], c => c, json.Value.SerializerOptions);
        });
        return api;
    }

    private static IStreamProvider Provider(IClusterClient client) => client.GetStreamProvider(TwinChangeStreams.ProviderName);

    private static async Task StreamAsync<T>(HttpContext http, string eventName, IReadOnlyList<IAsyncStream<T>> streams, Func<T, T?> keep, JsonSerializerOptions json)
        where T : class
    {
        var events = Channel.CreateBounded<T>(new BoundedChannelOptions(Buffer) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriptions = new List<StreamSubscriptionHandle<T>>();
        try
        {
            foreach (var stream in streams)
            {
                subscriptions.Add(await stream.SubscribeAsync((item, _) =>
                {
                    if (keep(item) is { } kept) events.Writer.TryWrite(kept);
                    return Task.CompletedTask;
                }));
            }
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            // A comment line at once, so the client knows it is subscribed before the first change.
            await http.Response.WriteAsync(": subscribed\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            await foreach (var item in events.Reader.ReadAllAsync(http.RequestAborted))
            {
                await http.Response.WriteAsync($"event: {eventName}\ndata: {JsonSerializer.Serialize(item, json)}\n\n", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to report.
        }
        finally
        {
            foreach (var subscription in subscriptions) await subscription.UnsubscribeAsync();
        }
    }
}
