using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt show &lt;twin&gt;</c>: one twin as an operator wants to see it.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var twinId = new Argument<string>("twin") { Description = "The twin's id." };
        var json = new Option<bool>("--json") { Description = "Print the whole snapshot as JSON." };
        var command = new Command("show", "Show a twin: place, health, latest readings, rollup, alerts.") { twinId, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var id = parse.GetValue(twinId)!;
            var twin = await TwinLookup.FindAsync(client, id);
            if (twin is null)
            {
                await Console.Error.WriteLineAsync($"dt: no twin has the id '{id}'");
                return 4;
            }
            var snapshot = await twin.GetSnapshotAsync();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(snapshot, CliJson.Options));
                return 0;
            }
            var path = await twin.GetPathAsync();
            Print(snapshot, string.Join(" / ", path.Select(p => p.Id)));
            return 0;
        }, ct));
        return command;
    }

    private static void Print(TwinSnapshot s, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"{s.Spec.Id} ({s.Spec.Type ?? s.Spec.Kind.ToString()}){(s.Spec.Name is null ? "" : $" \"{s.Spec.Name}\"")}");
        Console.WriteLine($"  path:     {path}");
        Console.WriteLine($"  health:   {s.Health}{(s.HealthReason is null ? "" : $" ({s.HealthReason})")}");
        Console.WriteLine($"  children: {s.Children.Count}");
        if (s.Spec.Rated is { Count: > 0 } rated)
        {
            Console.WriteLine("  rated:    " + string.Join(", ", rated.Select(r => $"{r.Key}={r.Value.ToString(inv)}")));
        }
        foreach (var (metric, value) in s.Latest.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {metric,-16} {value.Value.ToString("0.###", inv),12}  at {value.Timestamp:u}");
        }
        if (s.Rollup is { } r)
        {
            var cooling = r.CoolingCapacityW > 0 ? $"cooling {r.CoolingLoadW.ToString("0", inv)}/{r.CoolingCapacityW.ToString("0", inv)} W, " : "";
            var budget = r.PowerBudgetW is { } b ? $" of {b.ToString("0", inv)}" : "";
            Console.WriteLine($"  rollup as of {r.AsOf:u}: IT {r.ItPowerW.ToString("0", inv)}{budget} W, {cooling}" +
                $"inlet max {r.MaxInletC?.ToString("0.0", inv) ?? "-"} mean {r.MeanInletC?.ToString("0.0", inv) ?? "-"} °C, worst {r.WorstHealth}, open alerts {r.OpenAlerts}");
        }
        foreach (var alert in s.OpenAlerts)
        {
            Console.WriteLine($"  alert {alert.AlertId} [{alert.State}] {alert.Metric}={alert.Value.ToString("0.##", inv)} (baseline {alert.Baseline.ToString("0.##", inv)}): {alert.Explanation}");
        }
    }
}
