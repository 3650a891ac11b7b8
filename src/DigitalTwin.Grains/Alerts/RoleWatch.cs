using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Judges a twin against its <see cref="RoleRules"/> after each batch of readings and keeps one
/// <see cref="AlertKind.Role"/> alert per rule. A verdict must hold for <see cref="TwinOptions.RoleDebounce"/> of
/// reading time before the alert is raised, changes severity or resolves, so one odd reading does not page anyone.
/// Twins without rules (servers, CPUs) pay nothing.
/// </summary>
public sealed class RoleWatch(TwinOptions options, AlertBook book)
{
    private IReadOnlyList<RoleRule>? _rules;
    private Verdict[] _verdicts = [];

    /// <summary>Judges the twin's latest readings as of <paramref name="at"/> (the newest reading's time); returns whether alerts changed.</summary>
    public bool Judge(TwinState state, TwinSpec spec, DateTimeOffset at)
    {
        var rules = _rules ??= RoleRules.For(spec.Kind);
        if (rules.Count == 0) return false;
        if (_verdicts.Length != rules.Count) _verdicts = Start(state, rules);
        var changed = false;
        for (var i = 0; i < rules.Count; i++)
        {
            ref var verdict = ref _verdicts[i];
            var now = rules[i].Judge(state.Latest, spec);
            if (now == verdict.Level)
            {
                verdict.Pending = verdict.Level;
                continue;
            }
            if (now != verdict.Pending)
            {
                verdict.Pending = now;
                verdict.Since = at;
            }
            if (at - verdict.Since < options.RoleDebounce) continue;
            changed |= Apply(state, spec, rules[i], verdict.Level, now, verdict.Since, at);
            verdict.Level = now;
        }
        return changed;
    }

    private bool Apply(TwinState state, TwinSpec spec, RoleRule rule, HealthStatus from, HealthStatus to, DateTimeOffset since, DateTimeOffset at)
    {
        if (to == HealthStatus.Ok) return book.Resolve(state, AlertKind.Role, rule.Metric, at);
        // A rule's metric may be missing (a UPS without on_battery): 0 then, as the HTTP JSON cannot carry NaN.
        var value = state.Latest.TryGetValue(rule.Metric, out var v) && double.IsFinite(v.Value) ? v.Value : 0;
        var why = rule.Explain(state.Latest, spec);
        if (from == HealthStatus.Ok)
        {
            book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), spec.Id, spec.Kind, rule.Metric, value, 0,
                to == HealthStatus.Critical ? 1 : 0.5, since, at, AlertState.Raised, to, why, AlertKind: AlertKind.Role));
            return true;
        }
        return book.Update(state, AlertKind.Role, rule.Metric, a => a with
        {
            Severity = to, Value = value, LastSeen = at, Explanation = why, Score = to == HealthStatus.Critical ? 1 : 0.5,
        });
    }

    // After a reactivation, open role alerts carry their severity on, so they are resolved rather than raised twice.
    private Verdict[] Start(TwinState state, IReadOnlyList<RoleRule> rules)
    {
        var verdicts = new Verdict[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var level = book.FindOpen(state, AlertKind.Role, rules[i].Metric)?.Severity ?? HealthStatus.Ok;
            verdicts[i] = new Verdict { Level = level, Pending = level };
        }
        return verdicts;
    }

    private struct Verdict
    {
        public HealthStatus Level;
        public HealthStatus Pending;
        public DateTimeOffset Since;
    }
}
