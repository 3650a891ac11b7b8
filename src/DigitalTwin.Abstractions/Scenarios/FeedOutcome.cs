namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>One power source (PDU or UPS) after the perturbation.</summary>
/// <param name="Id">The source.</param>
/// <param name="Kind">Its kind (<c>Pdu</c>, <c>Ups</c>).</param>
/// <param name="Paths">The path labels it feeds.</param>
/// <param name="CapacityW">Its rated capacity, W.</param>
/// <param name="LoadW">The load it carries in the scenario, W (0 when it failed).</param>
/// <param name="BaselineLoadW">The load it carries without the perturbation, W.</param>
/// <param name="HeadroomW">Capacity minus load, W; negative when overloaded.</param>
/// <param name="Failed">Whether it lost its output (failed itself, or lost every input).</param>
[GenerateSerializer, Immutable, Alias("dt.FeedOutcome")]
public sealed record FeedOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] IReadOnlyList<string> Paths,
    [property: Id(3)] double CapacityW,
    [property: Id(4)] double LoadW,
    [property: Id(5)] double BaselineLoadW,
    [property: Id(6)] double HeadroomW,
    [property: Id(7)] bool Failed);
