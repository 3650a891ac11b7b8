using DigitalTwin.Abstractions.Health;

namespace DigitalTwin.Grains.Incidents;

/// <summary>
/// Keeps a data centre's incidents across correlation passes: a finding with the same cause and cause twin as an open
/// incident updates it (keeping its id, first sighting and acknowledgement); a new one opens an incident; an open
/// incident no pass finds any more is resolved. Bounded: beyond the maximum the oldest resolved incidents go first.
/// </summary>
public static class IncidentBook
{
    /// <summary>Merges one pass's findings into <paramref name="incidents"/>; returns whether anything changed.</summary>
    public static bool Merge(List<Incident> incidents, IReadOnlyList<IncidentFinding> findings, DateTimeOffset now, int max)
    {
        var changed = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var at = incidents.FindIndex(i => i.State != AlertState.Resolved && i.Cause == finding.Cause && i.CauseTwinId == finding.CauseTwinId);
            var alertIds = finding.Alerts.Select(a => a.AlertId).Order(StringComparer.Ordinal).ToArray();
            var twinIds = finding.Alerts.Select(a => a.TwinId).Distinct().Order(StringComparer.Ordinal).ToArray();
            var severity = finding.Alerts.Max(a => a.Severity);
            if (at < 0)
            {
                incidents.Add(new Incident(Guid.NewGuid().ToString("N"), finding.Cause, finding.CauseTwinId, finding.CauseKind, finding.Summary,
                    alertIds, twinIds, severity, AlertState.Raised, finding.Alerts.Min(a => a.FirstSeen), now));
                seen.Add(incidents[^1].IncidentId);
                changed = true;
                continue;
            }
            var held = incidents[at];
            seen.Add(held.IncidentId);
            var merged = alertIds.Union(held.AlertIds).Order(StringComparer.Ordinal).ToArray();
            if (merged.SequenceEqual(held.AlertIds) && severity <= held.Severity && held.Summary == finding.Summary) continue;
            incidents[at] = held with
            {
                AlertIds = merged,
                TwinIds = twinIds.Union(held.TwinIds).Order(StringComparer.Ordinal).ToArray(),
                Severity = severity > held.Severity ? severity : held.Severity,
                Summary = finding.Summary,
                LastSeen = now,
            };
            changed = true;
        }
        for (var i = 0; i < incidents.Count; i++)
        {
            if (incidents[i].State == AlertState.Resolved || seen.Contains(incidents[i].IncidentId)) continue;
            incidents[i] = incidents[i] with { State = AlertState.Resolved, ResolvedAt = now, LastSeen = now };
            changed = true;
        }
        while (incidents.Count > Math.Max(1, max))
        {
            var resolved = incidents.FindIndex(i => i.State == AlertState.Resolved);
            incidents.RemoveAt(resolved >= 0 ? resolved : 0);
        }
        return changed;
    }
}
