using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;

namespace DigitalTwin.Grains.Cooling;

public sealed partial class CoolingGrain
{
    /// <summary>Collects acknowledgements of the round in flight; settles it when every command is answered or given up on.</summary>
    private async Task<bool> AdvanceRoundAsync()
    {
        var round = State.Round!;
        var r = State.InFlightId is { } id ? Find(id) : null;
        if (r is null)
        {
            State.Round = null;
            return true;
        }
        var before = r.Trail.Count;
        foreach (var unit in round.Commands.Where(c => !c.Settled).GroupBy(c => c.CracId))
        {
            var known = await GrainFactory.GetGrain<IAssetGrain>(unit.Key).GetCommandsAsync();
            foreach (var command in unit)
            {
                var status = known.FirstOrDefault(k => k.Command.CommandId == command.CommandId);
                if (status is null || status.State is CommandState.Pending or CommandState.Sent) continue;
                command.State = status.State;
                var what = Invariant($"{command.Name} {command.Argument}={command.Value:0.##}");
                r = status.State == CommandState.Acknowledged
                    ? Step(r, unit.Key, CoolingTrailSteps.Acknowledged, $"{what} applied{(status.Detail is { } d ? ": " + d : "")}", unit.Key, command.CommandId)
                    : Step(r, unit.Key, CoolingTrailSteps.CommandRefused, $"{what} refused: {status.Detail}", unit.Key, command.CommandId);
            }
        }
        if (DateTimeOffset.UtcNow > round.Deadline)
        {
            foreach (var command in round.Commands.Where(c => !c.Settled))
            {
                command.TimedOut = true;
                r = Step(r, LoopActor, CoolingTrailSteps.NoAnswer,
                    Invariant($"{command.Name} {command.Argument}={command.Value:0.##}: no acknowledgement within {_options.AcknowledgementTimeout.TotalSeconds:0} s"),
                    command.CracId, command.CommandId);
            }
        }
        if (round.Commands.All(c => c.Settled)) r = await SettleRoundAsync(r, round);
        Replace(r);
        return r.Trail.Count != before || State.Round != round;
    }

    private async Task<CoolingRecommendation> SettleRoundAsync(CoolingRecommendation r, CommandRound round)
    {
        State.Round = null;
        var unanswered = round.Commands.Where(c => c.TimedOut).Select(c => c.CracId).Distinct().ToArray();
        var silence = unanswered.Length == 0 ? "" : $"; no answer from {string.Join(", ", unanswered)}: its settings are not known";
        switch (round.Purpose)
        {
            case RoundPurpose.Apply when round.Commands.All(c => c.State == CommandState.Acknowledged):
                return TakeEffect(r);
            case RoundPurpose.Apply:
                var refused = round.Commands.Where(c => c.State == CommandState.Rejected).Select(c => c.CracId)
                    .Concat(unanswered).Distinct().ToArray();
                var why = $"not applied whole: {string.Join(", ", refused)} did not take the command";
                // Everything that may have been applied goes back: acknowledged commands, and unanswered ones that a
                // slow device may still apply. Refused ones changed nothing.
                var undo = round.Commands.Where(c => c.State != CommandState.Rejected)
                    .Select(c => new RoundCommand { CracId = c.CracId, Argument = c.Argument, Value = c.Previous, Previous = c.Value }).ToList();
                if (undo.Count == 0) return Fail(r, why);
                r = Step(r with { State = CoolingRecommendationState.Reverting, Reason = why }, LoopActor, CoolingTrailSteps.Revert,
                    $"{why}; reverting {undo.Count} command(s)");
                return await SendRoundAsync(r, RoundPurpose.Revert, undo, LoopActor);
            case RoundPurpose.Revert:
                return Fail(r, (r.Reason ?? "not applied whole") + "; what was applied is reverted" + silence);
            default:
                State.InFlightId = null;
                State.GuardedId = null;
                return Step(r with { State = CoolingRecommendationState.RolledBack }, LoopActor, CoolingTrailSteps.RolledBack,
                    "previous settings restored" + silence);
        }
    }

    private CoolingRecommendation Fail(CoolingRecommendation r, string reason)
    {
        State.InFlightId = null;
        return Step(r with { State = CoolingRecommendationState.Failed, Reason = reason }, LoopActor, CoolingTrailSteps.Failed, reason);
    }

    private CoolingRecommendation TakeEffect(CoolingRecommendation r)
    {
        State.InEffectSince = Clock.GetUtcNow();
        State.PowerSumW = 0;
        State.PowerSamples = 0;
        State.MaxInletC = null;
        State.HottestRackId = null;
        return Step(r with { State = CoolingRecommendationState.Watching }, LoopActor, CoolingTrailSteps.InEffect,
            Invariant($"every device acknowledged; watching inlets and cooling power for {_options.WatchPeriod:g}"));
    }
}
