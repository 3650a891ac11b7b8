using System.Globalization;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// The cooling loop of one data centre (keyed by its twin id). It asks the optimiser for settings over the live state,
/// records each recommendation with its prediction, sends approved settings through the CRAC twins' command channel,
/// and drives the rest on a timer: acknowledgements, the watch against the prediction, rollback, revert, and the
/// automatic mode. Every step lands in the recommendation's trail with who and when.
/// </summary>
public sealed partial class CoolingGrain(
    [PersistentState(TwinStorage.States.Cooling, TwinStorage.Name)] IPersistentState<CoolingState> state,
    IOptions<CoolingOptions> options)
    : Grain, ICoolingGrain
{
    /// <summary>The actor the loop records its own steps under.</summary>
    public const string LoopActor = "cooling";

    /// <summary>The actor of the automatic mode.</summary>
    public const string AutomaticActor = "automatic";

    private readonly CoolingOptions _options = options.Value;
    private IGrainTimer? _timer;
    private string? _lastTickError;

    private CoolingState State => state.State;
    private string DataCentreId => this.GetPrimaryKeyString();
    private TimeProvider Clock => TwinClock.From(ServiceProvider);
    private ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CoolingGrain>();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureTicking();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CoolingDecision> RecommendAsync(string requestedBy)
    {
        var decision = await RecommendCoreAsync(Actor(requestedBy), automatic: false);
        if (decision.Accepted) await state.WriteStateAsync();
        return decision;
    }

    /// <inheritdoc />
    public async Task<CoolingRecommendation?> GetPendingAsync()
    {
        if (ExpireOverdue()) await state.WriteStateAsync();
        return State.Recommendations.FirstOrDefault(r => r.State == CoolingRecommendationState.Pending);
    }

    /// <inheritdoc />
    public async Task<CoolingRecommendation?> GetRecommendationAsync(string recommendationId)
    {
        if (ExpireOverdue()) await state.WriteStateAsync();
        return Find(recommendationId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoolingRecommendation>> GetRecommendationsAsync(int top = 20)
    {
        if (ExpireOverdue()) await state.WriteStateAsync();
        return State.Recommendations.Take(Math.Clamp(top, 1, _options.MaxRecommendations)).ToArray();
    }

    private async Task<CoolingDecision> RecommendCoreAsync(string actor, bool automatic)
    {
        var now = Clock.GetUtcNow();
        CoolingSituation situation;
        try
        {
            situation = await CoolingSurvey.TakeAsync(GrainFactory, DataCentreId, _options, now);
        }
        catch (Exception error) when (error is InvalidOperationException or TwinNotFoundException)
        {
            return CoolingDecision.Refuse(CoolingRefusals.NothingToOptimise, error.Message);
        }
        var optimiser = ServiceProvider.GetService<ICoolingOptimiser>();
        if (optimiser is null) return CoolingDecision.Refuse(CoolingRefusals.NoRecommendation, "No cooling optimiser is configured in this silo.");
        CoolingPlan plan;
        try
        {
            var limits = automatic
                ? new CoolingPlanLimits(_options.SafetyMarginK, _options.Automatic.MaxSetpointStepC, _options.Automatic.MaxFanStepPct, _options.MinColdAirShare, _options.FailureInletLimitC, _options.FailureResponseTime.TotalSeconds, _options.FailureColdAirShare, _options.FailureMarginK)
                : new CoolingPlanLimits(_options.SafetyMarginK, null, null, _options.MinColdAirShare, _options.FailureInletLimitC, _options.FailureResponseTime.TotalSeconds, _options.FailureColdAirShare, _options.FailureMarginK);
            plan = optimiser.Plan(situation, limits);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            Logger.LogWarning("Cooling optimiser refused for {DataCentre}: {Reason}", DataCentreId, error.Message);
            return CoolingDecision.Refuse(CoolingRefusals.NoRecommendation, $"The optimiser found no plan: {error.Message}");
        }

        ExpireOverdue();
        var id = CoolingRecommendationIds.Format(DataCentreId, ++State.Sequence);
        for (var i = 0; i < State.Recommendations.Count; i++)
        {
            if (State.Recommendations[i].State != CoolingRecommendationState.Pending) continue;
            State.Recommendations[i] = Step(State.Recommendations[i] with { State = CoolingRecommendationState.Superseded, Reason = $"superseded by {id}" },
                actor, CoolingTrailSteps.Superseded, $"superseded by {id}");
        }
        var measuredBefore = situation.Rooms.SelectMany(r => r.Cracs).Select(c => c.PowerW).Where(p => p is not null).ToArray();
        var saving = plan.PredictedBeforeW > 0 ? 100 * (plan.PredictedBeforeW - plan.PredictedAfterW) / plan.PredictedBeforeW : 0;
        var recommendation = new CoolingRecommendation(id, DataCentreId, CoolingRecommendationState.Pending, now,
            now + _options.RecommendationLifetime, actor, automatic, plan.Cracs, plan.PredictedBeforeW, plan.PredictedAfterW,
            Math.Round(saving, 2), measuredBefore.Length > 0 ? measuredBefore.Sum() : null, plan.Racks, plan.Redundancy, null, []);
        recommendation = Step(recommendation, actor, CoolingTrailSteps.Recommended, Invariant(
            $"predicted cooling power {plan.PredictedBeforeW / 1000:0.00} → {plan.PredictedAfterW / 1000:0.00} kW ({saving:0.0} % saving), ") + Invariant(
            $"hottest rack {plan.Racks.MaxBy(r => r.PredictedAfterC)?.PredictedAfterC:0.0} °C; N+1 {(plan.Redundancy.Kept ? "kept" : "not kept")}: {plan.Redundancy.Detail}") + (plan.Basis is null ? "" : $"; model: {plan.Basis}"));
        State.Recommendations.Insert(0, recommendation);
        Trim();
        return CoolingDecision.Accept(recommendation);
    }

    private CoolingRecommendation? Find(string id) => State.Recommendations.FirstOrDefault(r => r.Id == id);

    private void Replace(CoolingRecommendation recommendation)
    {
        var at = State.Recommendations.FindIndex(r => r.Id == recommendation.Id);
        if (at >= 0) State.Recommendations[at] = recommendation;
    }

    /// <summary>Appends a trail entry (bounded: the first entry stays, the oldest after it go).</summary>
    private CoolingRecommendation Step(CoolingRecommendation r, string actor, string step, string detail, string? twinId = null, string? commandId = null)
    {
        var trail = new List<CoolingTrailEntry>(r.Trail) { new(Clock.GetUtcNow(), actor, step, detail, twinId, commandId) };
        if (trail.Count > _options.MaxTrailEntries) trail.RemoveRange(1, trail.Count - _options.MaxTrailEntries);
        Logger.LogInformation("Cooling {Recommendation}: {Step} by {Actor}: {Detail}", r.Id, step, actor, detail);
        return r with { Trail = trail };
    }

    /// <summary>Marks pending recommendations past their expiry as expired; true when any changed.</summary>
    private bool ExpireOverdue()
    {
        var now = Clock.GetUtcNow();
        var changed = false;
        for (var i = 0; i < State.Recommendations.Count; i++)
        {
            var r = State.Recommendations[i];
            if (r.State != CoolingRecommendationState.Pending || now <= r.ExpiresAt) continue;
            State.Recommendations[i] = Step(r with { State = CoolingRecommendationState.Expired, Reason = "expired unapproved" },
                LoopActor, CoolingTrailSteps.Expired, Invariant($"not approved by {r.ExpiresAt:O}"));
            changed = true;
        }
        return changed;
    }

    private void Trim()
    {
        // Finished ones go first; the in-flight and guarded recommendations are never dropped.
        while (State.Recommendations.Count > _options.MaxRecommendations)
        {
            var at = State.Recommendations.FindLastIndex(r => r.Id != State.InFlightId && r.Id != State.GuardedId);
            if (at < 0) break;
            State.Recommendations.RemoveAt(at);
        }
    }

    private void EnsureTicking()
    {
        if (_timer is not null || !HasWork()) return;
        _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(_options.TickInterval, _options.TickInterval) { KeepAlive = true });
    }

    private bool HasWork() => State.InFlightId is not null || State.GuardedId is not null || AutomaticEnabled;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var changed = ExpireOverdue();
        try
        {
            if (State.Round is not null) changed |= await AdvanceRoundAsync();
            else if (State.InFlightId is not null || State.GuardedId is not null) changed |= await WatchAsync();
            if (AutomaticEnabled && State.InFlightId is null) changed |= await AutomaticAsync();
            _lastTickError = null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A twin that cannot be read now is read again on the next tick; the trail says so once, not every tick.
            Logger.LogWarning(error, "Cooling loop of {DataCentre}: tick failed", DataCentreId);
            if (error.Message != _lastTickError && (State.InFlightId ?? State.GuardedId) is { } id && Find(id) is { } r)
            {
                Replace(Step(r, LoopActor, CoolingTrailSteps.LoopError, $"{error.GetType().Name}: {error.Message}"));
                changed = true;
            }
            _lastTickError = error.Message;
        }
        finally
        {
            if (changed) await state.WriteStateAsync();
        }
        if (!HasWork() && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }
    }

    private static string Actor(string? who) => string.IsNullOrWhiteSpace(who) ? "anonymous" : who.Trim();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double? LatestOf(Abstractions.Twins.TwinSnapshot snapshot, string metric) =>
        snapshot.Latest.TryGetValue(metric, out var v) && double.IsFinite(v.Value) ? v.Value : null;

    private static string CommandFor(string argument) => argument == MetricNames.Setpoint ? "set_setpoint" : "set_fan_speed";
}
