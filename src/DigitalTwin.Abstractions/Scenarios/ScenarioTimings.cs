namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>What a run cost.</summary>
/// <param name="ForkMs">Reading the live subtree and seeding its shadow twins, milliseconds.</param>
/// <param name="SimulateMs">Perturbing and running the models (baseline, scenario, mitigation candidates), milliseconds.</param>
/// <param name="TwinsInSubtree">Twins in the forked subtree, components included.</param>
/// <param name="TwinsForked">Twins copied into shadows (containers and assets; components are not needed by the models).</param>
/// <param name="Steps">Simulation steps per run.</param>
/// <param name="Runs">Model runs (baseline, scenario, mitigation candidates, recovery).</param>
[GenerateSerializer, Immutable, Alias("dt.ScenarioTimings")]
public sealed record ScenarioTimings(
    [property: Id(0)] double ForkMs,
    [property: Id(1)] double SimulateMs,
    [property: Id(2)] int TwinsInSubtree,
    [property: Id(3)] int TwinsForked,
    [property: Id(4)] int Steps,
    [property: Id(5)] int Runs);
