using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;
using Spectre.Console;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt alerts [--resolved]</c>: the fleet's open alerts, worst first.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var resolved = new Option<bool>("--resolved") { Description = "Include resolved alerts." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("alerts", "List the alerts of every data centre, worst first.") { resolved, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var quiet = parse.GetValue(json);
            var alerts = await Busy.WhileAsync("collecting alerts", quiet, () => client.GetFleetAlertsAsync(parse.GetValue(resolved)));
            if (quiet)
            {
                Console.WriteLine(JsonSerializer.Serialize(alerts, CliJson.Options));
                return 0;
            }
            var table = Tables.New("Twin", "Severity", "State", "Metric", "Value", "Baseline", "Since", "Explanation");
            foreach (var a in alerts)
            {
                table.AddRow(Tables.Text(a.TwinId), Tables.Health(a.Severity), a.State.ToString(), Tables.Text(a.Metric),
                    Tables.Number(a.Value), Tables.Number(a.Baseline), a.FirstSeen.ToString("u"), Tables.Text(a.Explanation));
            }
            AnsiConsole.Write(table);
            await Console.Error.WriteLineAsync($"{alerts.Count} alert(s)");
            return 0;
        }, ct));
        return command;
    }
}
