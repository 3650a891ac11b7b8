namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// The N+1 check of a recommendation: whether, at the recommended settings, every rack would stay at or below its
/// limit if any one CRAC failed, and the worst case found.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.CoolingRedundancy")]
public sealed record CoolingRedundancy(
    [property: Id(0)] bool Kept,
    [property: Id(1)] string? WorstCracId,
    [property: Id(2)] double? WorstMaxInletC,
    [property: Id(3)] string Detail);
