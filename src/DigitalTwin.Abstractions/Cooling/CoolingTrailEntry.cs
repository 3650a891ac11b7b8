namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// One step in a recommendation's life: who did what, when. <see cref="Step"/> is one of
/// <see cref="CoolingTrailSteps"/>; <see cref="Actor"/> is an operator, <c>automatic</c>, <c>cooling</c> (the twin
/// itself) or a device's twin id (for its acknowledgements).
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.CoolingTrailEntry")]
public sealed record CoolingTrailEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Step,
    [property: Id(3)] string Detail,
    [property: Id(4)] string? TwinId = null,
    [property: Id(5)] string? CommandId = null);
