namespace DigitalTwin.Abstractions.Twins;

/// <summary>The latest value of a metric and when it was measured and received.</summary>
[GenerateSerializer, Immutable, Alias("dt.MetricValue")]
public sealed record MetricValue(
    [property: Id(0)] double Value,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] DateTimeOffset ReceivedAt);
