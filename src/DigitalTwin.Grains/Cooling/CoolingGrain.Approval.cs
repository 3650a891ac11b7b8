using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Grains.Audit;

namespace DigitalTwin.Grains.Cooling;

public sealed partial class CoolingGrain
{
    /// <inheritdoc />
    public async Task<CoolingDecision> ApproveAsync(string recommendationId, string approvedBy)
    {
        var decision = await ApproveCoreAsync(recommendationId, Actor(approvedBy));
        await state.WriteStateAsync();
        EnsureTicking();
        if (decision.Accepted)
        {
            await ServiceProvider.RecordAuditAsync(AuditActions.RecommendationApprove, DataCentreId,
                $"cooling {recommendationId} approved by {Actor(approvedBy)}: " + string.Join(", ", decision.Recommendation!.Cracs.Select(Describe)));
        }
        return decision;
    }

    /// <inheritdoc />
    public async Task<CoolingDecision> RejectAsync(string recommendationId, string rejectedBy, string? reason = null)
    {
        var actor = Actor(rejectedBy);
        ExpireOverdue();
        var r = Find(recommendationId);
        if (r is null) return CoolingDecision.Refuse(CoolingRefusals.Unknown, $"No recommendation '{recommendationId}' in {DataCentreId}.");
        if (r.State != CoolingRecommendationState.Pending)
        {
            return CoolingDecision.Refuse(CoolingRefusals.NotPending, $"{r.Id} is {r.State}, not pending: only a pending recommendation can be rejected.", r);
        }
        r = Step(r with { State = CoolingRecommendationState.Rejected, Reason = reason ?? "rejected" }, actor, CoolingTrailSteps.Rejected, reason ?? "rejected");
        Replace(r);
        await state.WriteStateAsync();
        return CoolingDecision.Accept(r);
    }

    private async Task<CoolingDecision> ApproveCoreAsync(string id, string actor)
    {
        ExpireOverdue();
        var r = Find(id);
        if (r is null) return CoolingDecision.Refuse(CoolingRefusals.Unknown, $"No recommendation '{id}' in {DataCentreId}.");
        var (code, reason) = r.State switch
        {
            CoolingRecommendationState.Pending => (null, null),
            CoolingRecommendationState.Expired => (CoolingRefusals.Expired, $"{r.Id} expired at {r.ExpiresAt:O} unapproved; ask for a new recommendation."),
            CoolingRecommendationState.Superseded => (CoolingRefusals.Superseded, $"{r.Id} was {r.Reason}; approve the newer one."),
            _ => (CoolingRefusals.NotPending, $"{r.Id} is {r.State}, not pending."),
        };
        if (code is null && State.InFlightId is { } busy) (code, reason) = (CoolingRefusals.Busy, $"{busy} is still being applied or watched; wait for it to finish.");
        if (code is null) (code, reason) = await CheckUnitsAsync(r);
        if (code is not null)
        {
            r = Step(r, actor, CoolingTrailSteps.ApprovalRefused, $"{code}: {reason}");
            Replace(r);
            return CoolingDecision.Refuse(code, reason!, r);
        }

        r = Step(r with { State = CoolingRecommendationState.Applying }, actor, CoolingTrailSteps.Approved, $"approved by {actor}");
        var commands = Changes(r, toRecommended: true);
        State.InFlightId = r.Id;
        r = await SendRoundAsync(r, RoundPurpose.Apply, commands, actor);
        if (commands.Count == 0)
        {
            // Nothing to change: the present settings are the recommended ones, so they are in effect already.
            r = TakeEffect(r);
        }
        Replace(r);
        return CoolingDecision.Accept(r);
    }

    /// <summary>
    /// Checks every unit against what it is now: its rated range (the topology may have changed since) and its present
    /// settings (someone may have changed them, and the prediction would no longer hold).
    /// </summary>
    private async Task<(string? Code, string? Reason)> CheckUnitsAsync(CoolingRecommendation r)
    {
        var snapshots = await Task.WhenAll(r.Cracs.Select(c => GrainFactory.GetGrain<IAssetGrain>(c.CracId).GetSnapshotAsync()));
        // Only what is sent must lie within a unit's range: a stopped unit is left as it is (its fan reads 0 %).
        foreach (var (crac, snapshot) in r.Cracs.Zip(snapshots).Where(p => !p.First.StoppedWhenRecommended))
        {
            if (CoolingRatings.OutOfRange(snapshot.Spec, crac.SetpointAfterC, crac.FanAfterPct) is { } range) return (CoolingRefusals.OutOfRange, range);
        }
        foreach (var (crac, snapshot) in r.Cracs.Zip(snapshots))
        {
            if (LatestOf(snapshot, MetricNames.Setpoint) is { } now && Math.Abs(now - crac.SetpointBeforeC) > _options.StaleSetpointToleranceC)
            {
                return (CoolingRefusals.Stale, Invariant($"{crac.CracId}'s setpoint is {now:0.##} °C now, {crac.SetpointBeforeC:0.##} °C when {r.Id} was made; ask for a new recommendation."));
            }
        }
        return (null, null);
    }

    /// <summary>
    /// The commands that move every CRAC whose settings a recommendation changes to its recommended settings, or (for
    /// a rollback) back to the ones before.
    /// </summary>
    private static List<RoundCommand> Changes(CoolingRecommendation r, bool toRecommended)
    {
        var commands = new List<RoundCommand>();
        void Add(string cracId, string argument, double before, double after)
        {
            if (Math.Abs(after - before) <= 1e-6) return;
            commands.Add(toRecommended
                ? new RoundCommand { CracId = cracId, Argument = argument, Value = after, Previous = before }
                : new RoundCommand { CracId = cracId, Argument = argument, Value = before, Previous = after });
        }
        foreach (var crac in r.Cracs)
        {
            Add(crac.CracId, MetricNames.Setpoint, crac.SetpointBeforeC, crac.SetpointAfterC);
            Add(crac.CracId, MetricNames.FanPercent, crac.FanBeforePct, crac.FanAfterPct);
        }
        return commands;
    }

    /// <summary>Sends a round of commands and records each; the timer collects the acknowledgements.</summary>
    private async Task<CoolingRecommendation> SendRoundAsync(CoolingRecommendation r, RoundPurpose purpose, List<RoundCommand> commands, string actor)
    {
        var sent = await Task.WhenAll(commands.Select(c => GrainFactory.GetGrain<IAssetGrain>(c.CracId)
            .SendCommandAsync(CommandFor(c.Argument), new Dictionary<string, double> { [c.Argument] = c.Value })));
        foreach (var (command, status) in commands.Zip(sent))
        {
            command.Name = status.Command.Name;
            command.CommandId = status.Command.CommandId;
            command.State = status.State;
            var what = Invariant($"{purpose.ToString().ToLowerInvariant()}: {command.Name} {command.Argument}={command.Value:0.##} (was {command.Previous:0.##})");
            r = status.State == CommandState.Rejected
                ? Step(r, actor, CoolingTrailSteps.CommandRefused, $"{what}: {status.Detail}", command.CracId, command.CommandId)
                : Step(r, actor, CoolingTrailSteps.CommandSent, what, command.CracId, command.CommandId);
        }
        State.Round = commands.Count == 0 ? null : new CommandRound
        {
            Purpose = purpose,
            Deadline = DateTimeOffset.UtcNow + _options.AcknowledgementTimeout,
            Commands = commands,
        };
        return r;
    }

    private static string Describe(CracChange c) =>
        Invariant($"{c.CracId} setpoint {c.SetpointBeforeC:0.##}->{c.SetpointAfterC:0.##} C, fan {c.FanBeforePct:0.##}->{c.FanAfterPct:0.##} %");
}
