namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>What a twin did with a <see cref="TelemetryBatch"/>: how many readings it applied, and why it refused the rest.</summary>
[GenerateSerializer, Immutable, Alias("dt.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] IReadOnlyList<ReadingRejection> Rejected)
{
    /// <summary>All readings were applied.</summary>
    public static IngestResult AllApplied(int count) => new(count, Array.Empty<ReadingRejection>());
}

/// <summary>A refused reading and the reason, in the words of <see cref="RejectionReasons"/>.</summary>
[GenerateSerializer, Immutable, Alias("dt.ReadingRejection")]
public sealed record ReadingRejection(
    [property: Id(0)] string Metric,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Detail);
