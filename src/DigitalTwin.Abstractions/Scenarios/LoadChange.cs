namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>Scales the workload (and so the power) of servers, or of every server in the racks named, by a factor.</summary>
/// <param name="TwinIds">Servers or racks.</param>
/// <param name="Factor">The multiplier, 0 or more (1.3 is +30 %).</param>
[GenerateSerializer, Immutable, Alias("dt.LoadChange")]
public sealed record LoadChange(
    [property: Id(0)] IReadOnlyList<string> TwinIds,
    [property: Id(1)] double Factor);
