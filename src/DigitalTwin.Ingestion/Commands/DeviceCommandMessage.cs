using System.Text.Json.Serialization;

namespace DigitalTwin.Ingestion.Commands;

/// <summary>A command as devices see it on <c>dt/commands/&lt;twinId&gt;</c>.</summary>
internal sealed record DeviceCommandMessage(
    [property: JsonPropertyName("commandId")] string CommandId,
    [property: JsonPropertyName("twinId")] string TwinId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] IReadOnlyDictionary<string, double> Arguments,
    [property: JsonPropertyName("issuedAt")] DateTimeOffset IssuedAt);
