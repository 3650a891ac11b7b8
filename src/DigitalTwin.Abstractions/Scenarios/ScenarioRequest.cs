namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// A what-if question: the subtree to fork and the perturbations to apply, alone or combined, and how far and in
/// what steps to run forward. Defaults: one hour at ten-second steps.
/// </summary>
/// <param name="RootId">A room or data-centre twin whose live state is forked.</param>
/// <param name="Fail">Assets that fail: CRACs (cooling stops), PDUs or UPSs (their output is lost).</param>
/// <param name="FailPaths">Whole feed paths that fail, by label (<c>A</c>, <c>B</c>): every feed on that path is lost.</param>
/// <param name="AddRacks">Racks to add.</param>
/// <param name="Loads">Workload changes on servers (or on every server of a rack).</param>
/// <param name="Cracs">CRAC setpoint or fan-speed changes.</param>
/// <param name="HorizonS">How far to run forward, seconds (at most seven days).</param>
/// <param name="StepS">The step of the simulation and of the answer's series, seconds (at least one).</param>
[GenerateSerializer, Immutable, Alias("dt.ScenarioRequest")]
public sealed record ScenarioRequest(
    [property: Id(0)] string RootId,
    [property: Id(1)] IReadOnlyList<string>? Fail = null,
    [property: Id(2)] IReadOnlyList<string>? FailPaths = null,
    [property: Id(3)] IReadOnlyList<AddedRack>? AddRacks = null,
    [property: Id(4)] IReadOnlyList<LoadChange>? Loads = null,
    [property: Id(5)] IReadOnlyList<CracSetting>? Cracs = null,
    [property: Id(6)] double HorizonS = ScenarioRequest.DefaultHorizonS,
    [property: Id(7)] double StepS = ScenarioRequest.DefaultStepS)
{
    /// <summary>The default horizon: one hour.</summary>
    public const double DefaultHorizonS = 3600;

    /// <summary>The default step: ten seconds.</summary>
    public const double DefaultStepS = 10;

    /// <summary>The longest horizon accepted: seven days.</summary>
    public const double MaxHorizonS = 7 * 24 * 3600;

    /// <summary>The shortest step accepted: one second.</summary>
    public const double MinStepS = 1;
}
