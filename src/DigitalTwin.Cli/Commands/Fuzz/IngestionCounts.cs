using System.Text.Json;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>The message counters of <c>GET /api/ingestion/stats</c> that must reconcile.</summary>
internal sealed record IngestionCounts(long Received, long Applied, long CommandAcks, long Rejected, long Failed, long InFlight)
{
    /// <summary>Messages with a known outcome.</summary>
    public long Outcomes => Applied + CommandAcks + Rejected + Failed;

    /// <summary>The counters now.</summary>
    public static async Task<IngestionCounts> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("api/ingestion/stats", cancellationToken));
        var root = json.RootElement;
        return new IngestionCounts(
            root.GetProperty("received_messages").GetInt64(),
            root.GetProperty("applied_messages").GetInt64(),
            root.GetProperty("command_acks").GetInt64(),
            root.GetProperty("rejected").EnumerateObject().Sum(r => r.Value.GetInt64()),
            root.GetProperty("failed_messages").GetInt64(),
            root.TryGetProperty("in_flight_messages", out var inFlight) ? inFlight.GetInt64() : 0);
    }

    /// <summary>The sum of two changes.</summary>
    public IngestionCounts Plus(IngestionCounts other) => new(
        Received + other.Received, Applied + other.Applied, CommandAcks + other.CommandAcks,
        Rejected + other.Rejected, Failed + other.Failed, InFlight + other.InFlight);

    /// <summary>The change from <paramref name="before"/> to this.</summary>
    public IngestionCounts Minus(IngestionCounts before) => new(
        Received - before.Received, Applied - before.Applied, CommandAcks - before.CommandAcks,
        Rejected - before.Rejected, Failed - before.Failed, InFlight - before.InFlight);
}
