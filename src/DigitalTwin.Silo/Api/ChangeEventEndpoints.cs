using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Abstractions.Changes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// The change feeds as server-sent events, for pages and tools that speak HTTP: <c>GET /api/twins/{id}/events</c>
/// follows one twin, <c>GET /api/subtrees/{id}/events</c> a rack's, room's or data centre's subtree batches. Each event
/// is one JSON item (<c>event: change</c> or <c>event: batch</c>). Like any subscriber, a page reads the snapshot after
/// it connects and applies later changes; a slow reader loses the oldest events beyond 1,000 rather than hold memory.
/// </summary>
internal static class ChangeEventEndpoints
{
    private const int Buffer = 1000;

    public static RouteGroupBuilder MapChangeEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/twins/{id}/events", (string id, HttpContext http, IClusterClient client, IOptions<JsonOptions> json) =>
            StreamAsync(http, "change", client.GetStreamProvider(TwinChangeStreams.ProviderName).TwinStream(id), json.Value.SerializerOptions));
        api.MapGet("/subtrees/{id}/events", (string id, HttpContext http, IClusterClient client, IOptions<JsonOptions> json) =>
            StreamAsync(http, "batch", client.GetStreamProvider(TwinChangeStreams.ProviderName).SubtreeStream(id), json.Value.SerializerOptions));
        return api;
    }

    private static async Task StreamAsync<T>(HttpContext http, string eventName, IAsyncStream<T> stream, JsonSerializerOptions json)
    {
        var events = Channel.CreateBounded<T>(new BoundedChannelOptions(Buffer) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscription = await stream.SubscribeAsync((item, _) =>
        {
            events.Writer.TryWrite(item);
            return Task.CompletedTask;
        });
        try
        {
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
            await subscription.UnsubscribeAsync();
        }
    }
}
