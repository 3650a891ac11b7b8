using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// A parsed, validated message: its readings grouped per twin (one grain call per twin), the number of readings,
/// and the earliest timestamp it carries (publish-to-applied latency is measured from it).
/// </summary>
public sealed class TelemetryMessage(IReadOnlyList<TelemetryBatch> batches, int points, DateTimeOffset earliest)
{
    /// <summary>One batch per twin, in the order the twins first appeared.</summary>
    public IReadOnlyList<TelemetryBatch> Batches { get; } = batches;

    /// <summary>The number of readings over all twins.</summary>
    public int Points { get; } = points;

    /// <summary>The earliest reading timestamp in the message.</summary>
    public DateTimeOffset Earliest { get; } = earliest;
}
