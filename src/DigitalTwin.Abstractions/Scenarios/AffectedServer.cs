namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>A server the scenario hits, and why: <c>power_lost</c>, or <c>inlet_limit</c> with the time it is reached.</summary>
[GenerateSerializer, Immutable, Alias("dt.AffectedServer")]
public sealed record AffectedServer(
    [property: Id(0)] string Id,
    [property: Id(1)] string RackId,
    [property: Id(2)] string Reason,
    [property: Id(3)] double? AtS);
