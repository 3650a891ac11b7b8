using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;
using Spectre.Console;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt predict [--top 20]</c>: maintenance ranked by failure risk across the fleet.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var top = new Option<int>("--top") { Description = "How many predictions (1-1000).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("predict", "Rank the fleet's maintenance by failure risk, with evidence and what to do.") { top, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var quiet = parse.GetValue(json);
            var count = Math.Clamp(parse.GetValue(top), 1, 1000);
            var predictions = await Busy.WhileAsync("collecting predictions", quiet, () => client.GetFleetPredictionsAsync(count));
            if (quiet)
            {
                Console.WriteLine(JsonSerializer.Serialize(predictions, CliJson.Options));
                return 0;
            }
            var table = Tables.New("Twin", "Kind", "P(failure)", "Within", "Time to failure", "Action", "Maintain by");
            foreach (var p in predictions)
            {
                table.AddRow(Tables.Text(p.TwinId), p.Kind.ToString(), Tables.Number(p.FailureProbability, "0.00"), p.Horizon.ToString(),
                    p.TimeToFailure?.ToString(@"d\.hh\:mm") ?? "-", Tables.Text(p.RecommendedAction), p.MaintainBy?.ToString("u") ?? "-");
            }
            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }
}
