namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>One measured value of one metric at one instant.</summary>
[GenerateSerializer, Immutable, Alias("dt.Reading")]
public sealed record Reading(
    [property: Id(0)] string Metric,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset Timestamp);
