using DigitalTwin.Abstractions.Security;
namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>
/// One what-if scenario, keyed by its scenario id. <see cref="RunAsync"/> forks the live state of a subtree (a room
/// or a data centre) into shadow twins keyed <c>{twinId}~{scenarioId}</c>, applies the request's perturbations, runs
/// the thermal and power models forward in simulated time and answers. A scenario never changes a live twin or the
/// database. Its shadows and answer live until <see cref="EndAsync"/> or the expiry, whichever comes first.
/// </summary>
[RequiresRole(TwinRole.Operator)]
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the request and, when it is sound and a scenario slot is free, forks, perturbs, simulates and
    /// answers. A refused request forks nothing and comes back with one problem per reason. A scenario runs once:
    /// a second run on the same id is refused.
    /// </summary>
    Task<ScenarioOutcome> RunAsync(ScenarioRequest request);

    /// <summary>The answer of a finished run; null when the scenario never ran, was ended or has expired.</summary>
    Task<ScenarioAnswer?> GetAnswerAsync();

    /// <summary>Ends the scenario now: its shadow twins are let go and its answer forgotten. Idempotent.</summary>
    Task EndAsync();
}
