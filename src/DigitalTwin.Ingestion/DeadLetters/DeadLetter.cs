using System.Text.Json.Serialization;

namespace DigitalTwin.Ingestion.DeadLetters;

/// <summary>
/// A refused message as published on <c>dt/deadletter/&lt;reason&gt;</c>: why, where it came from, and the start of
/// its payload (decoded as UTF-8, truncated to the configured size).
/// </summary>
public sealed record DeadLetter
{
    /// <summary>The reason, one of <c>RejectionReasons</c>.</summary>
    [JsonPropertyName("reason")] public required string Reason { get; init; }
    /// <summary>What exactly was wrong.</summary>
    [JsonPropertyName("detail")] public required string Detail { get; init; }
    /// <summary>The topic the message was published on.</summary>
    [JsonPropertyName("topic")] public required string Topic { get; init; }
    /// <summary>The publishing client's id.</summary>
    [JsonPropertyName("client")] public string? Client { get; init; }
    /// <summary>When the silo received it.</summary>
    [JsonPropertyName("received_at")] public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The full payload's size in bytes.</summary>
    [JsonPropertyName("payload_bytes")] public long PayloadBytes { get; init; }
    /// <summary>Whether <see cref="Payload"/> is cut short.</summary>
    [JsonPropertyName("payload_truncated")] public bool PayloadTruncated { get; init; }
    /// <summary>The start of the payload.</summary>
    [JsonPropertyName("payload")] public required string Payload { get; init; }
}
