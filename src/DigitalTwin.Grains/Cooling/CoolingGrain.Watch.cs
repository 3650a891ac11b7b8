using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Grains.Audit;

namespace DigitalTwin.Grains.Cooling;

public sealed partial class CoolingGrain
{
    /// <summary>
    /// Watches the recommendation in effect: rolls back as soon as any rack's highest inlet passes its limit; during the
    /// watch period also measures cooling power and, at its end, records the outcome against the prediction.
    /// </summary>
    private async Task<bool> WatchAsync()
    {
        var r = Find(State.InFlightId ?? State.GuardedId!);
        if (r is null || r.State is not (CoolingRecommendationState.Watching or CoolingRecommendationState.Applied))
        {
            State.InFlightId = null;
            State.GuardedId = null;
            return true;
        }
        var now = Clock.GetUtcNow();
        var since = State.InEffectSince ?? now;
        if (r.State == CoolingRecommendationState.Applied && now > since + _options.GuardPeriod)
        {
            State.GuardedId = null;
            return true;
        }

        // A unit that stops ends the recommendation at once, before any inlet passes its limit: racks that lose their
        // air breathe exhaust within seconds, and the N+1 check counted on the others responding. A unit already stopped
        // when it was recommended was counted out by the model: its staying stopped is no new loss.
        var snapshots = await Task.WhenAll(r.Cracs.Select(c => GrainFactory.GetGrain<IAssetGrain>(c.CracId).GetSnapshotAsync()));
        if (r.Cracs.Zip(snapshots).FirstOrDefault(p => !p.First.StoppedWhenRecommended && CoolingSurvey.ReportsStopped(p.Second)) is { First: { } stopped })
        {
            await RollBackAsync(r, $"{stopped.CracId} reports it stopped (no fan, airflow or power)");
            return true;
        }
        var inlets = await RackInletsAsync(r);
        var passed = r.Racks.Where(x => inlets.TryGetValue(x.RackId, out var t) && t > x.LimitC)
            .Select(x => (Rack: x, InletC: inlets[x.RackId])).OrderByDescending(x => x.InletC - x.Rack.LimitC).FirstOrDefault();
        if (passed.Rack is not null)
        {
            await RollBackAsync(r, Invariant($"{passed.Rack.RackId} inlet {passed.InletC:0.0} °C passed its limit {passed.Rack.LimitC:0.0} °C"));
            return true;
        }
        if (r.State != CoolingRecommendationState.Watching) return false;

        if (inlets.Count > 0)
        {
            var hottest = inlets.MaxBy(i => i.Value);
            if (State.MaxInletC is null || hottest.Value > State.MaxInletC) (State.MaxInletC, State.HottestRackId) = (hottest.Value, hottest.Key);
        }
        // The room takes minutes to settle after a change: cooling power counts only over the watch's last part.
        if (now >= since + _options.WatchPeriod * (1 - _options.MeasureShareOfWatch) && await CoolingPowerAsync(r) is { } power)
        {
            State.PowerSumW += power;
            State.PowerSamples++;
        }
        if (now < since + _options.WatchPeriod) return false;

        double? measured = State.PowerSamples > 0 ? State.PowerSumW / State.PowerSamples : null;
        double? saving = measured is { } m && r.MeasuredBeforeW is > 0 and var b ? Math.Round(100 * (b - m) / b, 2) : null;
        var outcome = new CoolingWatchOutcome(now, measured, r.PredictedAfterW, saving, State.MaxInletC, State.HottestRackId, State.PowerSamples);
        State.InFlightId = null;
        State.GuardedId = r.Id;
        r = Step(r with { State = CoolingRecommendationState.Applied, Outcome = outcome }, LoopActor, CoolingTrailSteps.Outcome, Invariant(
            $"measured cooling power {Kilowatts(measured)} against {r.PredictedAfterW / 1000:0.00} kW predicted (saving {Percent(saving)} measured, {r.PredictedSavingPct:0.0} % predicted); hottest inlet {State.MaxInletC:0.0} °C at {State.HottestRackId}; no inlet passed its limit"));
        Replace(r);
        return true;
    }

    private static string Kilowatts(double? w) => w is { } v ? Invariant($"{v / 1000:0.00} kW") : "unknown";

    private static string Percent(double? p) => p is { } v ? Invariant($"{v:0.0} %") : "unknown";

    private async Task RollBackAsync(CoolingRecommendation r, string why)
    {
        State.InFlightId = r.Id;
        State.GuardedId = null;
        var snapshots = await Task.WhenAll(r.Cracs.Select(c => GrainFactory.GetGrain<IAssetGrain>(c.CracId).GetSnapshotAsync()));
        var stopped = r.Cracs.Zip(snapshots).Where(p => CoolingSurvey.IsStopped(p.Second)).Select(p => p.First).ToList();
        var restore = Changes(r, toRecommended: false);
        var response = "";
        if (stopped.Count > 0)
        {
            // A unit has stopped: its room's running units go to full cooling (lowest setpoint, full fan), the response
            // the recommendation's N+1 check counted on; the previous settings alone may not hold the room without it.
            var rooms = stopped.Select(c => c.RoomId).ToHashSet(StringComparer.Ordinal);
            var responders = r.Cracs.Zip(snapshots).Where(p => rooms.Contains(p.First.RoomId) && !stopped.Contains(p.First)).ToList();
            restore.RemoveAll(c => responders.Any(p => p.First.CracId == c.CracId));
            foreach (var (crac, snapshot) in responders)
            {
                var (lowest, _) = CoolingRatings.SetpointRange(snapshot.Spec.Rated);
                if (Math.Abs(crac.SetpointAfterC - lowest) > 1e-6)
                    restore.Add(new RoundCommand { CracId = crac.CracId, Argument = MetricNames.Setpoint, Value = lowest, Previous = crac.SetpointAfterC });
                if (Math.Abs(crac.FanAfterPct - 100) > 1e-6)
                    restore.Add(new RoundCommand { CracId = crac.CracId, Argument = MetricNames.FanPercent, Value = 100, Previous = crac.FanAfterPct });
            }
            response = $"; {string.Join(", ", stopped.Select(c => c.CracId))} stopped: {(responders.Count == 0 ? "no other unit in its room to respond" : string.Join(", ", responders.Select(p => p.First.CracId)) + " to full cooling (lowest setpoint, full fan)")}";
        }
        r = Step(r with { State = CoolingRecommendationState.RollingBack, Reason = why }, LoopActor, CoolingTrailSteps.Rollback,
            $"{why}: restoring the previous settings{response}");
        await ServiceProvider.RecordAuditAsync(AuditActions.Rollback, DataCentreId, $"cooling {r.Id} rolled back by the {LoopActor} loop: {why}{response}");
        r = await SendRoundAsync(r, RoundPurpose.Rollback, restore, LoopActor);
        if (restore.Count == 0)
        {
            State.InFlightId = null;
            r = Step(r with { State = CoolingRecommendationState.RolledBack }, LoopActor, CoolingTrailSteps.RolledBack, "nothing was changed, nothing to restore");
        }
        Replace(r);
    }

    /// <summary>Each rack's highest inlet now, from its rollup; racks removed since are left out.</summary>
    private async Task<Dictionary<string, double>> RackInletsAsync(CoolingRecommendation r)
    {
        var reads = await Task.WhenAll(r.Racks.Select(async rack =>
        {
            try
            {
                return (rack.RackId, (await GrainFactory.GetGrain<IRackGrain>(rack.RackId).GetRollupAsync()).MaxInletC);
            }
            catch (TwinNotFoundException)
            {
                return (rack.RackId, null);
            }
        }));
        return reads.Where(x => x.Item2 is not null).ToDictionary(x => x.RackId, x => x.Item2!.Value, StringComparer.Ordinal);
    }

    /// <summary>The CRACs' summed power now, W; null when none reports it.</summary>
    private async Task<double?> CoolingPowerAsync(CoolingRecommendation r)
    {
        var snapshots = await Task.WhenAll(r.Cracs.Select(c => GrainFactory.GetGrain<IAssetGrain>(c.CracId).GetSnapshotAsync()));
        var powers = snapshots.Select(s => LatestOf(s, MetricNames.Power)).Where(p => p is not null).ToArray();
        return powers.Length > 0 ? powers.Sum() : null;
    }
}
