using System.Text.Json.Serialization;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>A device's answer on <c>dt/commands/&lt;twinId&gt;/ack</c>: <c>{"commandId": "...", "success": true, "detail": "..."}</c>.</summary>
internal sealed record CommandAcknowledgement(
    [property: JsonPropertyName("commandId")] string? CommandId,
    [property: JsonPropertyName("success")] bool? Success,
    [property: JsonPropertyName("detail")] string? Detail);
