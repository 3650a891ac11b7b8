namespace DigitalTwin.Abstractions.Twins;

/// <summary>The bounded recent window of raw readings for one metric, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("dt.MetricWindow")]
public sealed record MetricWindow(
    [property: Id(0)] string Metric,
    [property: Id(1)] IReadOnlyList<MetricPoint> Points);

/// <summary>One raw point in a <see cref="MetricWindow"/>.</summary>
[GenerateSerializer, Immutable, Alias("dt.MetricPoint")]
public readonly record struct MetricPoint(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double Value);
