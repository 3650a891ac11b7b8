namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>Whether power redundancy (N+1 by feed path) still holds after the perturbation.</summary>
/// <param name="Holds">Every powered server keeps live feeds on two distinct paths and no source is overloaded.</param>
/// <param name="ServersOnOnePath">Servers still running on a single path.</param>
/// <param name="ServersWithoutPower">Servers that lost every feed.</param>
/// <param name="OverloadedSources">Sources carrying more than their capacity.</param>
[GenerateSerializer, Immutable, Alias("dt.RedundancyOutcome")]
public sealed record RedundancyOutcome(
    [property: Id(0)] bool Holds,
    [property: Id(1)] int ServersOnOnePath,
    [property: Id(2)] int ServersWithoutPower,
    [property: Id(3)] IReadOnlyList<string> OverloadedSources);
