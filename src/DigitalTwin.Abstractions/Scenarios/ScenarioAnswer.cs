namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// What a scenario found. The JSON names (camelCase) are an interface other tools read: <c>scenarioId</c>,
/// <c>firstLimitS</c>, <c>racks</c>, <c>affectedServers</c>, <c>services</c>, <c>feeds</c>, <c>mitigation</c>,
/// <c>calibration</c>.
/// </summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="RootId">The forked subtree's root.</param>
/// <param name="HorizonS">How far it ran, seconds.</param>
/// <param name="StepS">The step of every series, seconds; series value i is at time i × StepS.</param>
/// <param name="FirstLimitS">Seconds until the first rack crosses its inlet limit; null when none does within the horizon.</param>
/// <param name="FirstRackId">The rack that crosses first; null when none does.</param>
/// <param name="Racks">Every rack of the subtree (and any added one), hottest first.</param>
/// <param name="AffectedServers">Servers that lose power or whose rack crosses its inlet limit.</param>
/// <param name="Services">Services running on affected servers.</param>
/// <param name="Feeds">Every power source (PDU, UPS) of the subtree with its load and headroom after the perturbation.</param>
/// <param name="Redundancy">Whether every powered server keeps two live feeds on distinct paths with no source overloaded.</param>
/// <param name="Cooling">Whether the cooling copes, per room.</param>
/// <param name="Mitigation">The recommended mitigation, checked by running it as a second scenario; null when nothing needs mitigating.</param>
/// <param name="Calibration">What was calibrated from the twin's telemetry and what defaulted.</param>
/// <param name="Baseline">The same subtree run forward without perturbation, to compare with.</param>
/// <param name="Drill">What stops, what runs on its redundant path and how long recovery takes.</param>
/// <param name="Timings">What the run cost.</param>
/// <param name="CreatedAt">When the scenario ran.</param>
/// <param name="ExpiresAt">When its shadows and answer are let go.</param>
[GenerateSerializer, Immutable, Alias("dt.ScenarioAnswer")]
public sealed record ScenarioAnswer(
    [property: Id(0)] string ScenarioId,
    [property: Id(1)] string RootId,
    [property: Id(2)] double HorizonS,
    [property: Id(3)] double StepS,
    [property: Id(4)] double? FirstLimitS,
    [property: Id(5)] string? FirstRackId,
    [property: Id(6)] IReadOnlyList<RackOutcome> Racks,
    [property: Id(7)] IReadOnlyList<AffectedServer> AffectedServers,
    [property: Id(8)] IReadOnlyList<ServiceImpact> Services,
    [property: Id(9)] IReadOnlyList<FeedOutcome> Feeds,
    [property: Id(10)] RedundancyOutcome Redundancy,
    [property: Id(11)] IReadOnlyList<CoolingOutcome> Cooling,
    [property: Id(12)] MitigationOutcome? Mitigation,
    [property: Id(13)] CalibrationReport Calibration,
    [property: Id(14)] BaselineComparison Baseline,
    [property: Id(15)] DrillReport Drill,
    [property: Id(16)] ScenarioTimings Timings,
    [property: Id(17)] DateTimeOffset CreatedAt,
    [property: Id(18)] DateTimeOffset ExpiresAt);
