using DigitalTwin.Abstractions.Cooling;

namespace DigitalTwin.Grains.Cooling;

public sealed partial class CoolingGrain
{
    /// <summary>
    /// The automatic mode: within its hours and no sooner than its interval after the last try, it asks for a
    /// recommendation with the step limits and applies it only when every step is within the guard rails, the saving
    /// is worth it and N+1 holds; otherwise the recommendation is rejected with the guard rail that stopped it.
    /// </summary>
    private async Task<bool> AutomaticAsync()
    {
        var rails = _options.Automatic;
        var now = Clock.GetUtcNow();
        if (!rails.AllowsHour(now)) return false;
        if (State.LastAutomaticAt is { } last && now - last < rails.MinInterval) return false;
        State.LastAutomaticAt = now;

        var made = await RecommendCoreAsync(AutomaticActor, automatic: true);
        if (!made.Accepted || made.Recommendation is not { } r) return true;
        if (Breach(r) is { } breach)
        {
            Replace(Step(r with { State = CoolingRecommendationState.Rejected, Reason = $"{CoolingRefusals.GuardRail}: {breach}" },
                AutomaticActor, CoolingTrailSteps.Rejected, $"{CoolingRefusals.GuardRail}: {breach}"));
            return true;
        }
        await ApproveCoreAsync(r.Id, AutomaticActor);
        return true;
    }

    /// <summary>Which guard rail a recommendation breaks, or null.</summary>
    private string? Breach(CoolingRecommendation r)
    {
        var rails = _options.Automatic;
        foreach (var crac in r.Cracs)
        {
            var step = Math.Abs(crac.SetpointAfterC - crac.SetpointBeforeC);
            if (step > rails.MaxSetpointStepC + 1e-6) return Invariant($"{crac.CracId} setpoint step {step:0.##} °C exceeds {rails.MaxSetpointStepC:0.##} °C");
            var fan = Math.Abs(crac.FanAfterPct - crac.FanBeforePct);
            if (fan > rails.MaxFanStepPct + 1e-6) return Invariant($"{crac.CracId} fan step {fan:0.#} % exceeds {rails.MaxFanStepPct:0.#} %");
        }
        if (r.PredictedSavingPct < rails.MinSavingPct) return Invariant($"predicted saving {r.PredictedSavingPct:0.0} % is below {rails.MinSavingPct:0.0} %");
        if (!r.Redundancy.Kept) return $"N+1 would not hold: {r.Redundancy.Detail}";
        return null;
    }
}
