using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Grains.Incidents;

/// <summary>
/// Groups open alerts by their probable shared cause, using where each alerting twin stands (<see cref="TwinPlace"/>).
/// Causes are tried from the most to the least specific, and each alert joins the first group that explains it:
/// <list type="number">
/// <item>a sensor that reads wrong (stuck or drifting), with the other alerts on the same twin and metric (sensor);</item>
/// <item>a PDU or UPS in trouble, with the alerts of whatever it feeds (power);</item>
/// <item>a CRAC in trouble, with the heat alerts of the racks it cools (cooling);</item>
/// <item>a failing part (fan, PSU, disk, …), with everything its asset shows (hardware);</item>
/// <item>servers whose power or utilisation rose, with their heat alerts (workload);</item>
/// <item>heat alerts on two or more racks served by one cooling unit that reports nothing itself (cooling);</item>
/// <item>heat alerts confined to one server or one rack whose power did not rise (airflow);</item>
/// <item>whatever is left, per asset (unknown).</item>
/// </list>
/// Plain code over one snapshot of alerts: the data centre calls it on its incident cadence, never per reading.
/// </summary>
public static class IncidentCorrelator
{
    private static readonly HashSet<string> HeatMetrics = new(StringComparer.Ordinal)
    {
        MetricNames.InletTemperature, MetricNames.OutletTemperature, MetricNames.Temperature,
    };

    private static readonly HashSet<string> LoadMetrics = new(StringComparer.Ordinal)
    {
        MetricNames.Power, MetricNames.Utilisation,
    };

    /// <summary>Groups <paramref name="alerts"/> (open ones); alerts of twins without a place form their own groups.</summary>
    public static IReadOnlyList<IncidentFinding> Group(IReadOnlyList<TwinAlert> alerts, IReadOnlyDictionary<string, TwinPlace> places)
    {
        var findings = new List<IncidentFinding>();
        var left = alerts.Where(a => a.State != AlertState.Resolved).ToList();
        TwinPlace Place(TwinAlert a) => places.TryGetValue(a.TwinId, out var p) ? p : new TwinPlace(a.TwinId, a.Kind, a.TwinId, a.Kind, null, null, [], []);

        void Take(IncidentCause cause, string twinId, TwinKind kind, Func<string, string> summary, Func<TwinAlert, bool> member)
        {
            var taken = left.Where(member).ToList();
            if (taken.Count == 0) return;
            left.RemoveAll(a => taken.Contains(a));
            findings.Add(new IncidentFinding(cause, twinId, kind, summary(Counted(taken)), taken));
        }

        // 0. A sensor that reads wrong explains every alert on what it measures: the equipment may be fine.
        var sensors = left.Where(a => a.AlertKind == AlertKind.Sensor).Select(a => (a.TwinId, a.Metric, a.Kind)).Distinct()
            .OrderBy(x => x.TwinId, StringComparer.Ordinal).ThenBy(x => x.Metric, StringComparer.Ordinal).ToList();
        foreach (var (twinId, metric, kind) in sensors)
        {
            Take(IncidentCause.Sensor, twinId, kind,
                n => $"The {metric} sensor of {Name(kind)} {twinId} reads wrong ({FirstWords(alerts.Where(a => a.AlertKind == AlertKind.Sensor).ToList(), twinId)}); {n} on what it measures.",
                a => a.TwinId == twinId && a.Metric == metric);
        }

        // 1. Power sources in trouble; a PDU fed by a UPS in trouble is part of the UPS's incident.
        // A PDU or UPS merely carrying more (its power above its baseline) is not in trouble: what it feeds asked for more.
        var powerRoots = left.Where(a => !WorkingHarder(a)).Select(Place).Where(p => p.AssetKind is TwinKind.Ups or TwinKind.Pdu)
            .GroupBy(p => p.AssetId).Select(g => g.First())
            .OrderBy(p => p.AssetKind == TwinKind.Ups ? 0 : 1).ThenBy(p => p.AssetId, StringComparer.Ordinal).ToList();
        foreach (var root in powerRoots)
        {
            Take(IncidentCause.Power, root.AssetId, root.AssetKind,
                n => $"{Name(root.AssetKind)} {root.AssetId} is losing power ({FirstWords(alerts, root.AssetId)}); {n} on it and what it feeds.",
                a => Place(a) is var p && (p.AssetId == root.AssetId || p.PowerSources.Contains(root.AssetId)));
        }

        // 2. Cooling units in trouble, with the heat on the racks they cool.
        var coolingRoots = left.Select(Place).Where(p => p.AssetKind == TwinKind.Crac)
            .GroupBy(p => p.AssetId).Select(g => g.First()).OrderBy(p => p.AssetId, StringComparer.Ordinal).ToList();
        foreach (var root in coolingRoots)
        {
            Take(IncidentCause.Cooling, root.AssetId, TwinKind.Crac,
                n => $"CRAC {root.AssetId} is not cooling as it should ({FirstWords(alerts, root.AssetId)}); {n} on it and the racks it cools.",
                a => Place(a) is var p && (p.AssetId == root.AssetId || (HeatMetrics.Contains(a.Metric) && p.CoolingUnits.Contains(root.AssetId))));
        }

        // 3. A failing part explains what its asset shows. A part working harder (a fan speeding up in hot air, a disk
        // busier under more work) is answering its asset's trouble, not causing it.
        var failing = left.Where(a => !WorkingHarder(a)).ToList();
        var parts = failing.Select(Place).Where(p => p.Kind.LevelOf() == TwinLevel.Component && !HeatMetrics.Contains(MetricOf(failing, p.TwinId)))
            .GroupBy(p => p.TwinId).Select(g => g.First()).OrderBy(p => p.TwinId, StringComparer.Ordinal).ToList();
        foreach (var part in parts)
        {
            Take(IncidentCause.Hardware, part.TwinId, part.Kind,
                n => $"{Name(part.Kind)} {part.TwinId} of {part.AssetId} is failing ({FirstWords(alerts, part.TwinId)}); {n}.",
                // Another failing part of the same asset keeps its own incident: two parts can fail at once.
                a => a.TwinId == part.TwinId || (Place(a).AssetId == part.AssetId && !parts.Exists(q => q.TwinId == a.TwinId)));
        }

        // 4. Load that rose: a workload surge, per rack (one server named when it is alone), with the rack's PDUs carrying it.
        bool RackDrawRose(TwinAlert a) => Place(a) is { AssetKind: TwinKind.Pdu, RackId: not null } && WorkingHarder(a);
        var surging = left.Where(a => LoadMetrics.Contains(a.Metric) && a.Value > a.Baseline && Place(a).AssetKind == TwinKind.Server || RackDrawRose(a))
            .Select(Place).GroupBy(p => p.RackId ?? p.AssetId).ToList();
        foreach (var rack in surging)
        {
            var servers = rack.Where(p => p.AssetKind == TwinKind.Server).Select(p => p.AssetId).Distinct().Order(StringComparer.Ordinal).ToList();
            var (id, kind) = servers.Count == 1 && rack.All(p => p.AssetKind == TwinKind.Server) || rack.First().RackId is null
                ? (rack.First().AssetId, rack.First().AssetKind) : (rack.Key, TwinKind.Rack);
            var what = servers.Count > 0 ? string.Join(", ", servers) : $"the PDUs of rack {rack.Key}";
            Take(IncidentCause.Workload, id, kind,
                n => $"Power and utilisation rose with the heat on {what}: a workload surge; {n}.",
                a => servers.Contains(Place(a).AssetId) || RackDrawRose(a) && Place(a).RackId == rack.Key);
        }

        // 5. Heat on two or more racks that share a cooling unit which reports nothing itself.
        var heat = left.Where(a => HeatMetrics.Contains(a.Metric)).Select(a => (Alert: a, Place: Place(a))).Where(x => x.Place.RackId is not null).ToList();
        var shared = heat.SelectMany(x => x.Place.CoolingUnits.Select(unit => (Unit: unit, Rack: x.Place.RackId!)))
            .Distinct().GroupBy(x => x.Unit).Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (Unit: g.Key, Racks: g.Count())).ToList();
        foreach (var (unit, racks) in shared)
        {
            Take(IncidentCause.Cooling, unit, TwinKind.Crac,
                n => $"Inlets rose on {racks} racks cooled by {unit}, which reports no fault itself: it (or the air it delivers) is the likely cause; {n}.",
                a => HeatMetrics.Contains(a.Metric) && Place(a).CoolingUnits.Contains(unit));
        }

        // 6. Heat confined to one server, or to one rack.
        foreach (var rack in left.Where(a => HeatMetrics.Contains(a.Metric)).Select(Place).GroupBy(p => p.RackId ?? p.AssetId).ToList())
        {
            var servers = rack.Select(p => p.AssetId).Distinct().Order(StringComparer.Ordinal).ToList();
            var (id, kind) = servers.Count == 1 || rack.First().RackId is null ? (servers[0], rack.First().AssetKind) : (rack.Key, TwinKind.Rack);
            Take(IncidentCause.Airflow, id, kind,
                n => servers.Count == 1
                    ? $"Only {id}'s inlet rose and its power did not: blocked or recirculating airflow at it; {n}."
                    : $"Inlets rose on {servers.Count} servers of rack {id} only, their power did not: blocked or recirculating airflow at the rack; {n}.",
                a => servers.Contains(Place(a).AssetId));
        }

        // 7. The rest, per asset.
        foreach (var asset in left.Select(Place).GroupBy(p => p.AssetId).ToList())
        {
            var kind = asset.First().AssetKind;
            Take(IncidentCause.Unknown, asset.Key, kind, n => $"{n} on {asset.Key} with no shared cause found.", a => Place(a).AssetId == asset.Key);
        }
        return findings;
    }

    /// <summary>Metrics whose rise is a twin doing more of its job: a fan's speed, utilisation, power carried, load.</summary>
    private static readonly HashSet<string> EffortMetrics = new(StringComparer.Ordinal)
    {
        MetricNames.FanSpeed, MetricNames.Utilisation, MetricNames.Power, MetricNames.LoadPercent,
    };

    // Only a learned baseline says which way the reading moved: a limit or role alert's baseline is its limit.
    private static bool WorkingHarder(TwinAlert alert) =>
        alert.AlertKind == AlertKind.Anomaly && EffortMetrics.Contains(alert.Metric) && alert.Value > alert.Baseline;

    private static string MetricOf(List<TwinAlert> alerts, string twinId) =>
        alerts.Where(a => a.TwinId == twinId).Select(a => a.Metric).FirstOrDefault(m => !HeatMetrics.Contains(m)) ?? MetricNames.Temperature;

    private static string FirstWords(IReadOnlyList<TwinAlert> alerts, string twinId)
    {
        var own = alerts.Where(a => a.TwinId == twinId).OrderByDescending(a => a.Severity).ThenBy(a => a.FirstSeen).FirstOrDefault();
        if (own is null) return "no alert of its own";
        var first = own.Explanation.IndexOf(". ", StringComparison.Ordinal);
        return first < 0 ? own.Explanation.TrimEnd('.') : own.Explanation[..first];
    }

    private static string Counted(List<TwinAlert> alerts)
    {
        var twins = alerts.Select(a => a.TwinId).Distinct().Count();
        return string.Create(CultureInfo.InvariantCulture, $"{alerts.Count} alert{(alerts.Count == 1 ? "" : "s")} on {twins} twin{(twins == 1 ? "" : "s")}");
    }

    private static string Name(TwinKind kind) => kind switch
    {
        TwinKind.Crac or TwinKind.Pdu or TwinKind.Ups or TwinKind.Psu or TwinKind.Cpu => kind.ToWireName().ToUpperInvariant(),
        _ => kind.ToWireName(),
    };
}
