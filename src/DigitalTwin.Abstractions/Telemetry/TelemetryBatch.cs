namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>
/// Readings for one twin, delivered in one grain call. Ingestion groups a message's readings per twin so that a
/// twin is called once per message, never once per reading.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TelemetryBatch")]
public sealed record TelemetryBatch(
    [property: Id(0)] string TwinId,
    [property: Id(1)] IReadOnlyList<Reading> Readings);
