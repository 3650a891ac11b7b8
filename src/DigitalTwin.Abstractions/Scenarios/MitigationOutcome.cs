namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// A recommended mitigation ("move 6 kW from rack-a03 to rack-b01", "lower crac-b2's setpoint by 2 °C"), and what
/// running it as a second scenario on the same fork showed.
/// </summary>
/// <param name="Action">The mitigation in words.</param>
/// <param name="Perturbations">The same mitigation as request changes (added to the scenario's own perturbations when checked).</param>
/// <param name="Checked">Whether it was run as a second scenario.</param>
/// <param name="Resolves">Whether no rack crosses its limit with the mitigation applied.</param>
/// <param name="FirstLimitS">Seconds to the first rack's limit with the mitigation; null when none crosses.</param>
/// <param name="PeakInletC">The hottest inlet with the mitigation, °C.</param>
/// <param name="Candidates">How many mitigations were tried before choosing this one.</param>
[GenerateSerializer, Immutable, Alias("dt.MitigationOutcome")]
public sealed record MitigationOutcome(
    [property: Id(0)] string Action,
    [property: Id(1)] ScenarioRequest Perturbations,
    [property: Id(2)] bool Checked,
    [property: Id(3)] bool Resolves,
    [property: Id(4)] double? FirstLimitS,
    [property: Id(5)] double PeakInletC,
    [property: Id(6)] int Candidates);
