using System.Text.Json.Serialization;

namespace DigitalTwin.Ingestion.Diagnostics;

/// <summary>
/// Ingestion counters since the silo started, as served by <c>GET /api/ingestion/stats</c>. Counts only grow;
/// compare two snapshots for rates. Latency is publish → applied (from the message's earliest timestamp to the
/// moment every twin in it had applied it), in milliseconds.
/// </summary>
public sealed record IngestionStatisticsSnapshot
{
    /// <summary>When the snapshot was taken.</summary>
    [JsonPropertyName("as_of")] public DateTimeOffset AsOf { get; init; }
    /// <summary>
    /// Messages received from publishers (embedded broker and external broker; the benchmark's raw topic excepted).
    /// Each has exactly one outcome: received = applied_messages + command_acks + Σ rejected + failed_messages +
    /// in_flight_messages.
    /// </summary>
    [JsonPropertyName("received_messages")] public long ReceivedMessages { get; init; }
    /// <summary>Messages whose every twin applied them.</summary>
    [JsonPropertyName("applied_messages")] public long AppliedMessages { get; init; }
    /// <summary>Readings the twins reported as applied.</summary>
    [JsonPropertyName("applied_points")] public long AppliedPoints { get; init; }
    /// <summary>Refused messages by reason, each message under exactly one reason.</summary>
    [JsonPropertyName("rejected")] public IReadOnlyDictionary<string, long> Rejected { get; init; } = new Dictionary<string, long>();
    /// <summary>Readings refused by twins inside messages (applied or refused as a whole), by reason.</summary>
    [JsonPropertyName("refused_readings")] public IReadOnlyDictionary<string, long> RefusedReadings { get; init; } = new Dictionary<string, long>();
    /// <summary>Messages received whose outcome is not known yet.</summary>
    [JsonPropertyName("in_flight_messages")] public long InFlightMessages { get; init; }
    /// <summary>Messages that could not be applied because a twin call failed (not acknowledged, so redelivered).</summary>
    [JsonPropertyName("failed_messages")] public long FailedMessages { get; init; }
    /// <summary>Dead letters published.</summary>
    [JsonPropertyName("dead_lettered")] public long DeadLettered { get; init; }
    /// <summary>Dead letters dropped because the bounded dead-letter queue was full.</summary>
    [JsonPropertyName("dead_letters_dropped")] public long DeadLettersDropped { get; init; }
    /// <summary>Messages the embedded broker dropped from full subscriber queues.</summary>
    [JsonPropertyName("queue_drops")] public long QueueDrops { get; init; }
    /// <summary>Connections refused (bad or missing credentials).</summary>
    [JsonPropertyName("refused_connections")] public long RefusedConnections { get; init; }
    /// <summary>Publishes refused because the device may not publish for that twin or topic.</summary>
    [JsonPropertyName("refused_publishes")] public long RefusedPublishes { get; init; }
    /// <summary>Subscriptions refused by the topic ACL.</summary>
    [JsonPropertyName("refused_subscriptions")] public long RefusedSubscriptions { get; init; }
    /// <summary>Messages on the benchmark's baseline topic, routed without twin processing.</summary>
    [JsonPropertyName("raw_messages")] public long RawMessages { get; init; }
    /// <summary>Simulator control messages (<c>sim/#</c>) routed to their subscribers without twin processing.</summary>
    [JsonPropertyName("simulation_messages")] public long SimulationMessages { get; init; }
    /// <summary>Commands published to devices.</summary>
    [JsonPropertyName("commands_published")] public long CommandsPublished { get; init; }
    /// <summary>Command acknowledgements received from devices.</summary>
    [JsonPropertyName("command_acks")] public long CommandAcks { get; init; }
    /// <summary>External-broker sessions of dead silos this silo adopted.</summary>
    [JsonPropertyName("sessions_adopted")] public long SessionsAdopted { get; init; }
    /// <summary>Messages applied from adopted sessions.</summary>
    [JsonPropertyName("adopted_messages")] public long AdoptedMessages { get; init; }
    /// <summary>Publish → applied latency percentiles, ms.</summary>
    [JsonPropertyName("latency_ms")] public IReadOnlyDictionary<string, double?> LatencyMs { get; init; } = new Dictionary<string, double?>();
    /// <summary>The latency histogram's non-empty buckets as [upper bound ms, count], for percentiles over an interval.</summary>
    [JsonPropertyName("latency_buckets")] public IReadOnlyList<double[]> LatencyBuckets { get; init; } = [];
}
