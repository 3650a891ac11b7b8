namespace DigitalTwin.Evaluation.Faults;

/// <summary>
/// Scores what the twin raised against the faults the simulator injected (<c>dt eval faults</c>). Definitions:
/// <list type="bullet">
/// <item><b>Detected</b>, sudden fault: an alert within its <see cref="FaultScope.DetectionRoots"/> (for stuck and
/// drifting sensors: on the faulty twin and metric) first seen between its start and <see cref="DetectionGrace"/>
/// after its end. Delay: first such alert's first sighting − start.</item>
/// <item><b>Detected</b>, degradation (a wearing fan, a degrading disk): a prediction asking for maintenance on the
/// part between its start and its failure, or else an alert within the part's server by <see cref="DetectionGrace"/>
/// after the failure (the part's own alerts, when it raised any, are the ones judged). Lead: failure − first such prediction, 0 when none came before the failure.</item>
/// <item><b>Cause</b>: a fault with detecting alerts is judged by the incident that last grouped the earliest of them
/// that any incident grouped: right when it names the fault's cause (<see cref="FaultScope.ExpectedCause"/>) and one of
/// its accepted twins; when no incident grouped any of them, wrong.</item>
/// <item><b>False alert</b>: an alert first seen in the scored period on a twin that no fault reaches at that time
/// (a fault reaches its <see cref="FaultScope.AttributionRoots"/> from its start to <see cref="Settle"/> after its
/// end, or the end of the run while it lasts). <b>Fault-free twin-days</b>: the time of every reporting twin (assets
/// and components) in the scored period outside the reach of every fault, summed, in days.</item>
/// </list>
/// Faults starting after the scored period, and degradations failing after it, are left out.
/// </summary>
public sealed class FaultScoring(PlantMap plant)
{
    /// <summary>How long after a sudden fault's end (or a degradation's failure) a first alert still counts as detecting it.</summary>
    public TimeSpan DetectionGrace { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a fault's end its effects may still raise alerts that are not false (temperatures settling, alerts clearing).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Scores one run over the scored period [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public FaultReport Score(IReadOnlyList<InjectedFault> faults, IReadOnlyList<ObservedAlert> alerts, IReadOnlyList<ObservedIncident> incidents,
        IReadOnlyList<ObservedPrediction> predictions, DateTimeOffset from, DateTimeOffset to)
    {
        var scopes = faults.Select(f => FaultScope.Of(f, plant)).ToList();
        var judged = scopes.Where(s => s.Fault.Start <= to && (!s.Fault.IsDegradation || s.Fault.FailAt <= to)).ToList();
        var byAlert = new Dictionary<string, ObservedIncident>(StringComparer.Ordinal);
        foreach (var incident in incidents.OrderBy(i => i.FirstSeen).ThenBy(i => i.LastSeen))
        {
            foreach (var id in incident.AlertIds) byAlert[id] = incident;
        }
        var ordered = alerts.OrderBy(a => a.FirstSeen).ToList();
        var outcomes = judged.Select(s => Judge(s, ordered, predictions, byAlert, to)).ToList();

        var kinds = outcomes.GroupBy(o => o.Fault.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FaultKindScore(
            g.Key, g.Count(), g.Count(o => o.Detected),
            Median(g.Where(o => o.DelayS is not null).Select(o => o.DelayS!.Value)),
            Median(g.Where(o => o.LeadH is not null).Select(o => o.LeadH!.Value)))).ToList();

        bool Explained(string twinId, DateTimeOffset at) => scopes.Any(s =>
            at >= s.Fault.Start && at <= (s.Fault.End ?? to) + Settle && s.Explains(twinId, plant));
        var falseAlerts = ordered.Where(a => a.FirstSeen >= from && a.FirstSeen <= to && !Explained(a.TwinId, a.FirstSeen)).ToList();
        var falseActions = predictions.Where(p => p.At >= from && p.At <= to && !Explained(p.TwinId, p.At))
            .GroupBy(p => p.TwinId).Select(g => g.MinBy(p => p.At)!).OrderBy(p => p.At).ToList();

        var judgedCause = outcomes.Where(o => o.CauseRight is not null).ToList();
        return new FaultReport(kinds, outcomes, judgedCause.Count, judgedCause.Count(o => o.CauseRight == true), falseAlerts,
            FaultFreeTwinDays(scopes, from, to), falseActions);
    }

    private FaultOutcome Judge(FaultScope scope, List<ObservedAlert> alerts, IReadOnlyList<ObservedPrediction> predictions,
        Dictionary<string, ObservedIncident> byAlert, DateTimeOffset runEnd)
    {
        var fault = scope.Fault;
        var detectUntil = (fault.IsDegradation ? fault.FailAt!.Value : fault.End ?? runEnd) + DetectionGrace;
        var detecting = alerts.Where(a => a.FirstSeen >= fault.Start && a.FirstSeen <= detectUntil && scope.Detects(a, plant)).ToList();
        // A degradation speaks through its own part once that part alerts: another fault on the same server (a stuck
        // sensor, a PSU) raising the first alert there is that fault's detection and cause, not this one's.
        if (scope.Part is { } part && detecting.Exists(a => a.TwinId == part)) detecting = detecting.FindAll(a => a.TwinId == part);
        var first = detecting.FirstOrDefault();
        // The fault's incident: the one that grouped its earliest grouped alert (an alert can open and clear between two passes).
        var incident = detecting.Select(a => byAlert.GetValueOrDefault(a.AlertId)).FirstOrDefault(i => i is not null);
        bool? causeRight = first is null ? null
            : incident is not null && incident.Cause == scope.ExpectedCause && scope.AcceptedCauseTwins.Contains(incident.CauseTwinId);
        if (fault.IsDegradation)
        {
            var failAt = fault.FailAt!.Value;
            var predicted = predictions.Where(p => p.TwinId == scope.Part && p.At >= fault.Start && p.At < failAt).Select(p => (DateTimeOffset?)p.At).Min();
            var lead = predicted is { } at ? (failAt - at).TotalHours : 0;
            return new FaultOutcome(fault, predicted is not null || first is not null, null, lead, first, incident, causeRight);
        }
        return new FaultOutcome(fault, first is not null, first is null ? null : Math.Max(0, (first.FirstSeen - fault.Start).TotalSeconds), null, first, incident, causeRight);
    }

    private double FaultFreeTwinDays(List<FaultScope> scopes, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var total = 0.0;
        foreach (var twin in plant.ReportingTwins)
        {
            var covered = scopes.Where(s => s.Explains(twin, plant))
                .Select(s => (From: Max(s.Fault.Start, from), To: Min((s.Fault.End ?? to) + Settle, to)))
                .Where(w => w.To > w.From).OrderBy(w => w.From).ToList();
            var busy = TimeSpan.Zero;
            DateTimeOffset? start = null, end = null;
            foreach (var (f, t) in covered)
            {
                if (end is { } e && f <= e)
                {
                    if (t > e) end = t;
                    continue;
                }
                if (start is { } s0 && end is { } e0) busy += e0 - s0;
                (start, end) = (f, t);
            }
            if (start is { } s1 && end is { } e1) busy += e1 - s1;
            total += ((to - from) - busy).TotalDays;
        }
        return total;
    }

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
