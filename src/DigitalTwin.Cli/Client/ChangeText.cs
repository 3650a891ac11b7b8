using System.Globalization;
using System.Text;
using DigitalTwin.Abstractions.Changes;

namespace DigitalTwin.Cli.Client;

/// <summary>One change as a line a person reads in <c>dt watch</c>.</summary>
internal static class ChangeText
{
    public static string Line(TwinChange change)
    {
        var inv = CultureInfo.InvariantCulture;
        var line = new StringBuilder($"{change.At:HH:mm:ss} {change.TwinId} {change.Change.ToString().ToLowerInvariant()} {change.Health}");
        if (change.Rollup is { } r)
        {
            line.Append(inv, $" it_power_w={r.ItPowerW:0} inlet_max_c={(r.MaxInletC is { } m ? m.ToString("0.0", inv) : "-")}");
            if (r.CoolingCapacityW > 0) line.Append(inv, $" cooling_load_w={r.CoolingLoadW:0}/{r.CoolingCapacityW:0}");
            line.Append(inv, $" open_alerts={r.OpenAlerts}");
        }
        if (change.Metrics is { } metrics)
        {
            foreach (var (metric, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal)) line.Append(inv, $" {metric}={value:0.##}");
        }
        if (change.Alert is { } a) line.Append(inv, $" alert {a.AlertId} {a.State} {a.Severity} {a.Metric}={a.Value:0.##}: {a.Explanation}");
        if (change.Command is { } c) line.Append(inv, $" command {c.Command.Name} {c.State}{(c.Detail is null ? "" : $": {c.Detail}")}");
        if (change.Change == TwinChangeKind.Health && change.HealthReason is { } reason) line.Append($" ({reason})");
        if (change.Detail is { } detail) line.Append($" {detail}");
        return line.ToString();
    }
}
