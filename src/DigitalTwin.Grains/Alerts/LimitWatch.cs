using System.Globalization;
using System.Runtime.InteropServices;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Turns limit crossings into <see cref="AlertKind.Limit"/> alerts. A reading beyond <c>warnAbove</c>/<c>warnBelow</c>
/// (or the critical pair) must stay beyond for <see cref="TwinOptions.LimitDebounce"/> of reading time before the
/// alert is raised, escalated to Critical or calmed back to Warning; the value must come back inside by the
/// hysteresis margin (<see cref="TwinOptions.LimitHysteresis"/> of the limit's size) and stay there as long before
/// the alert resolves. One noisy reading therefore neither raises nor clears an alert, and a value hovering at the
/// limit does not flap. Per metric it keeps three fields in memory; a reading costs one dictionary lookup.
/// </summary>
public sealed class LimitWatch(TwinOptions options, AlertBook book)
{
    private readonly Dictionary<string, Track> _tracks = new(StringComparer.Ordinal);

    /// <summary>Judges a reading (in time order) against its metric's limits; returns whether alerts changed.</summary>
    public bool Observe(TwinState state, TwinSpec spec, Reading reading)
    {
        if (spec.Limits is null || !spec.Limits.TryGetValue(reading.Metric, out var limit) || !double.IsFinite(reading.Value)) return false;
        ref var track = ref CollectionsMarshal.GetValueRefOrAddDefault(_tracks, reading.Metric, out var known);
        if (!known)
        {
            // After a reactivation an alert may still be open: carry on from its severity instead of raising a second one.
            track.Level = book.FindOpen(state, AlertKind.Limit, reading.Metric)?.Severity ?? HealthStatus.Ok;
            track.Pending = track.Level;
        }
        if (track.Pending != track.Level && !StillPending(limit, reading.Value, track.Level, track.Pending)) track.Pending = track.Level;
        if (track.Pending == track.Level)
        {
            var target = Target(limit, reading.Value, track.Level);
            if (target == track.Level) return false;
            track.Pending = target;
            track.Since = reading.Timestamp;
        }
        if (reading.Timestamp - track.Since < options.LimitDebounce) return false;
        var from = track.Level;
        track.Level = track.Pending;
        return Apply(state, spec, reading, limit, from, track.Level, track.Since);
    }

    private static bool Beyond(string relation, double value, double limit) => relation.StartsWith("above", StringComparison.Ordinal) ? value > limit : value < limit;

    private bool Apply(TwinState state, TwinSpec spec, Reading reading, MetricLimit limit, HealthStatus from, HealthStatus to, DateTimeOffset since)
    {
        if (to == HealthStatus.Ok) return book.Resolve(state, AlertKind.Limit, reading.Metric, reading.Timestamp);
        var (relation, crossed) = Crossed(limit, reading.Value, to);
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{reading.Metric} {relation} limit {crossed:0.##} since {since:HH:mm:ss} UTC (now {reading.Value:0.##}{(Beyond(relation, reading.Value, crossed) ? "" : ", back inside the limit but not yet past its hysteresis")}).");
        if (from == HealthStatus.Ok)
        {
            book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), spec.Id, spec.Kind, reading.Metric, reading.Value,
                crossed, to == HealthStatus.Critical ? 1 : 0.5, since, reading.Timestamp, AlertState.Raised, to, what,
                AlertKind: AlertKind.Limit));
            return true;
        }
        // Escalation or calming keeps the alert (and its acknowledgement): it is the same episode.
        return book.Update(state, AlertKind.Limit, reading.Metric, a => a with
        {
            Severity = to,
            Value = reading.Value,
            Baseline = crossed,
            Score = to == HealthStatus.Critical ? 1 : 0.5,
            LastSeen = reading.Timestamp,
            Explanation = a.Explanation.Length == 0 ? what : ReplaceFirstSentence(a.Explanation, what),
        });
    }

    /// <summary>
    /// Whether a pending change still holds: a worse level while the value stays beyond its limit less the hysteresis
    /// margin (noise dipping just inside does not restart the debounce), a better level while the value stays inside.
    /// </summary>
    private bool StillPending(MetricLimit limit, double value, HealthStatus level, HealthStatus pending)
    {
        var held = Level(limit, value, options.LimitHysteresis);
        return pending > level ? held >= pending : held <= pending;
    }

    /// <summary>
    /// The level the value is in, given the level the alert is at: entering a worse level takes the limit itself,
    /// leaving one takes the limit moved inwards by the hysteresis margin.
    /// </summary>
    private HealthStatus Target(MetricLimit limit, double value, HealthStatus current)
    {
        var raw = Level(limit, value, 0);
        if (raw >= current) return raw;
        var held = Level(limit, value, options.LimitHysteresis);
        return held >= current ? current : (held > raw ? held : raw);
    }

    private static HealthStatus Level(MetricLimit limit, double value, double hysteresis)
    {
        if (Beyond(limit.CriticalAbove, value, +1, hysteresis) || Beyond(limit.CriticalBelow, value, -1, hysteresis)) return HealthStatus.Critical;
        if (Beyond(limit.WarnAbove, value, +1, hysteresis) || Beyond(limit.WarnBelow, value, -1, hysteresis)) return HealthStatus.Warning;
        return HealthStatus.Ok;
    }

    private static bool Beyond(double? limit, double value, int side, double hysteresis)
    {
        if (limit is not { } l) return false;
        var margin = Math.Abs(l) * hysteresis;
        return side > 0 ? value > l - margin : value < l + margin;
    }

    private static (string Relation, double Limit) Crossed(MetricLimit limit, double value, HealthStatus level)
    {
        if (level == HealthStatus.Critical)
        {
            if (limit.CriticalAbove is { } ca && (limit.CriticalBelow is not { } cb0 || value >= cb0)) return ("above critical", ca);
            if (limit.CriticalBelow is { } cb) return ("below critical", cb);
        }
        if (limit.WarnAbove is { } wa && (limit.WarnBelow is not { } wb0 || value >= wb0)) return ("above warning", wa);
        if (limit.WarnBelow is { } wb) return ("below warning", wb);
        return ("beyond", value);
    }

    private static string ReplaceFirstSentence(string explanation, string first)
    {
        var end = explanation.IndexOf(" UTC.", StringComparison.Ordinal);
        return end < 0 ? first : first + explanation[(end + 5)..];
    }

    private struct Track
    {
        public HealthStatus Level;
        public HealthStatus Pending;
        public DateTimeOffset Since;
    }
}
