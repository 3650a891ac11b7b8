using DigitalTwin.Abstractions.Health;

namespace DigitalTwin.Grains.Changes;

/// <summary>
/// Notices how a twin's alerts moved since the last look: raised, acknowledged, escalated, resolved. Whoever changes
/// the alerts (detectors, limit checks, an operator's acknowledgement) need not know about the feeds; the twin looks
/// once per tick.
/// </summary>
public sealed class AlertTransitions
{
    private readonly Dictionary<string, (AlertState State, HealthStatus Severity)> _seen = new(StringComparer.Ordinal);

    /// <summary>Takes the current alerts as already published (on activation: they were published before).</summary>
    public void Baseline(IEnumerable<TwinAlert> alerts)
    {
        _seen.Clear();
        foreach (var alert in alerts) _seen[alert.AlertId] = (alert.State, alert.Severity);
    }

    /// <summary>The alerts that are new or whose state or severity changed since the last call.</summary>
    public IReadOnlyList<TwinAlert> Changed(IReadOnlyCollection<TwinAlert> alerts)
    {
        if (alerts.Count == 0 && _seen.Count == 0) return [];
        List<TwinAlert>? changed = null;
        foreach (var alert in alerts)
        {
            if (_seen.TryGetValue(alert.AlertId, out var seen) && seen == (alert.State, alert.Severity)) continue;
            (changed ??= []).Add(alert);
        }
        if (changed is null && _seen.Count == alerts.Count) return [];
        // Forget alerts the twin no longer keeps (pruned after resolving), so the map stays as bounded as the alerts.
        Baseline(alerts);
        return changed ?? [];
    }
}
