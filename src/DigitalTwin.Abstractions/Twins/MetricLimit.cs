namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// Operating limits for one metric. A reading beyond a warning limit makes the twin's health Warning; beyond a
/// critical limit, Critical. Any limit may be left out.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.MetricLimit")]
public sealed record MetricLimit(
    [property: Id(0)] double? WarnAbove = null,
    [property: Id(1)] double? CriticalAbove = null,
    [property: Id(2)] double? WarnBelow = null,
    [property: Id(3)] double? CriticalBelow = null);
