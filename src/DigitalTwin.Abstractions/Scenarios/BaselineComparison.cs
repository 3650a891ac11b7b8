namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>The unperturbed run of the same fork, and how the scenario differs from it.</summary>
/// <param name="FirstLimitS">Seconds to the first limit without the perturbation; null when none crosses.</param>
/// <param name="PeakInletC">The hottest inlet without the perturbation, °C.</param>
/// <param name="PeakInletDeltaC">The scenario's hottest inlet minus the baseline's, °C.</param>
/// <param name="ItPowerDeltaW">The scenario's IT power minus the baseline's, W.</param>
/// <param name="RacksOverLimitDelta">How many more racks cross their limit than in the baseline.</param>
[GenerateSerializer, Immutable, Alias("dt.BaselineComparison")]
public sealed record BaselineComparison(
    [property: Id(0)] double? FirstLimitS,
    [property: Id(1)] double PeakInletC,
    [property: Id(2)] double PeakInletDeltaC,
    [property: Id(3)] double ItPowerDeltaW,
    [property: Id(4)] int RacksOverLimitDelta);
