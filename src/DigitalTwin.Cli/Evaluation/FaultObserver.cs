using System.Collections.Concurrent;
using System.Text.Json;
using DigitalTwin.Evaluation.Faults;

namespace DigitalTwin.Cli.Evaluation;

/// <summary>
/// Watches the twin as an operator's tools would, for <c>dt eval faults</c>: follows every data centre's change feed
/// (<c>GET /api/subtrees/{id}/events</c>) for alerts and incidents as they are raised, polls <c>/api/predictions</c>
/// for maintenance actions, and at the end sweeps <c>/api/alerts?resolved=true</c> and <c>/api/incidents?resolved=true</c>
/// for anything the feed dropped. Alert and incident times are the twin's (simulated); a prediction is stamped with
/// the simulated time of the poll that saw it.
/// </summary>
internal sealed class FaultObserver(SimulatedWorld world)
{
    private readonly ConcurrentDictionary<string, ObservedAlert> _alerts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ObservedIncident> _incidents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ObservedPrediction> _predictions = new();
    private long _dropped;

    /// <summary>Alerts seen, by id.</summary>
    public IReadOnlyList<ObservedAlert> Alerts => [.. _alerts.Values];

    /// <summary>Incidents seen (the latest state of each, alert ids merged over its life).</summary>
    public IReadOnlyList<ObservedIncident> Incidents => [.. _incidents.Values];

    /// <summary>Every sighting of a maintenance action.</summary>
    public IReadOnlyList<ObservedPrediction> Predictions => [.. _predictions];

    /// <summary>Changes the feeds reported as dropped (a slow reader).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Follows the feeds and polls predictions every <paramref name="pollEvery"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan pollEvery, CancellationToken cancellationToken)
    {
        var centres = await world.TwinsAsync("datacentre", cancellationToken);
        var feeds = centres.Select(c => FollowAsync(c.Id, cancellationToken)).ToList();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await PollPredictionsAsync(cancellationToken);
                await Task.Delay(pollEvery, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(feeds);
    }

    /// <summary>Reads every alert and incident the twin still holds (resolved ones too) into what was seen.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        using (var alerts = JsonDocument.Parse(await world.Http.GetStringAsync("api/alerts?resolved=true", cancellationToken)))
        {
            foreach (var alert in alerts.RootElement.EnumerateArray()) Alert(alert);
        }
        using var incidents = JsonDocument.Parse(await world.Http.GetStringAsync("api/incidents?resolved=true", cancellationToken));
        foreach (var incident in incidents.RootElement.EnumerateArray()) Incident(incident);
    }

    private async Task FollowAsync(string centreId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = world.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync($"api/subtrees/{Uri.EscapeDataString(centreId)}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("data:", StringComparison.Ordinal)) Batch(line[5..]);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
            {
                Console.Error.WriteLine($"eval: change feed of {centreId} broke ({ex.Message}); reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Batch(string json)
    {
        using var batch = JsonDocument.Parse(json);
        var root = batch.RootElement;
        if (root.TryGetProperty("dropped", out var dropped) && dropped.ValueKind == JsonValueKind.Number) Interlocked.Add(ref _dropped, dropped.GetInt64());
        foreach (var change in root.GetProperty("changes").EnumerateArray())
        {
            if (change.TryGetProperty("alert", out var alert) && alert.ValueKind == JsonValueKind.Object) Alert(alert);
            if (change.TryGetProperty("incident", out var incident) && incident.ValueKind == JsonValueKind.Object) Incident(incident);
        }
    }

    private void Alert(JsonElement alert)
    {
        var id = alert.GetProperty("alertId").GetString()!;
        _alerts.TryAdd(id, new ObservedAlert(id, alert.GetProperty("twinId").GetString()!, alert.GetProperty("metric").GetString() ?? "",
            alert.TryGetProperty("alertKind", out var kind) ? kind.ToString().ToLowerInvariant() : "anomaly", alert.GetProperty("firstSeen").GetDateTimeOffset()));
    }

    private void Incident(JsonElement incident)
    {
        var id = incident.GetProperty("incidentId").GetString()!;
        var seen = new ObservedIncident(id, incident.GetProperty("cause").ToString().ToLowerInvariant(), incident.GetProperty("causeTwinId").GetString() ?? "",
            [.. incident.GetProperty("alertIds").EnumerateArray().Select(a => a.GetString()!)],
            incident.GetProperty("firstSeen").GetDateTimeOffset(), incident.GetProperty("lastSeen").GetDateTimeOffset());
        _incidents.AddOrUpdate(id, seen, (_, held) => seen with
        {
            AlertIds = [.. held.AlertIds.Union(seen.AlertIds, StringComparer.Ordinal)],
            LastSeen = seen.LastSeen > held.LastSeen ? seen.LastSeen : held.LastSeen,
        });
    }

    private async Task PollPredictionsAsync(CancellationToken cancellationToken)
    {
        var at = world.Clock.GetUtcNow();
        try
        {
            using var predictions = JsonDocument.Parse(await world.Http.GetStringAsync("api/predictions?top=1000", cancellationToken));
            foreach (var prediction in predictions.RootElement.EnumerateArray())
            {
                var action = prediction.GetProperty("recommendedAction").GetString() ?? "";
                if (action.Length == 0 || action.Equals("No action", StringComparison.OrdinalIgnoreCase)) continue;
                _predictions.Enqueue(new ObservedPrediction(prediction.GetProperty("twinId").GetString()!, at, action));
            }
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"eval: predictions not read ({ex.Message})");
        }
    }
}
