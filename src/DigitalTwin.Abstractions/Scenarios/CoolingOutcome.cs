namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>Whether a room's cooling copes in the scenario.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Adequate">Its working CRACs can remove its heat and no rack crosses its inlet limit.</param>
/// <param name="HeatLoadW">IT heat to remove, W.</param>
/// <param name="WorkingCapacityW">Rated capacity of its working CRACs, W.</param>
/// <param name="FailedCracs">CRACs that failed in the scenario.</param>
[GenerateSerializer, Immutable, Alias("dt.CoolingOutcome")]
public sealed record CoolingOutcome(
    [property: Id(0)] string RoomId,
    [property: Id(1)] bool Adequate,
    [property: Id(2)] double HeatLoadW,
    [property: Id(3)] double WorkingCapacityW,
    [property: Id(4)] IReadOnlyList<string> FailedCracs);
