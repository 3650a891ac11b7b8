namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>The result of <see cref="IScenarioGrain.RunAsync"/>: an answer, or the reasons the request was refused.</summary>
[GenerateSerializer, Immutable, Alias("dt.ScenarioOutcome")]
public sealed record ScenarioOutcome(
    [property: Id(0)] ScenarioAnswer? Answer,
    [property: Id(1)] IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>Whether the scenario ran.</summary>
    public bool Ran => Answer is not null;

    /// <summary>A refusal.</summary>
    public static ScenarioOutcome Refused(IReadOnlyList<ScenarioProblem> problems) => new(null, problems);
}
