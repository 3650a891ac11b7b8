using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// The shape of <c>dt alerts</c> and <c>dt incidents</c>: a fleet-wide list with <c>--resolved</c> and <c>--json</c>,
/// read while a spinner runs, drawn as a table with its count on standard error.
/// </summary>
internal static class FleetListCommand
{
    public static Command Create<T>(string name, string description, string noun,
        Func<IClusterClient, bool, Task<IReadOnlyList<T>>> read, string[] columns, Func<T, string[]> row)
    {
        var resolved = new Option<bool>("--resolved") { Description = $"Include resolved {noun}s." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command(name, description) { resolved, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var quiet = parse.GetValue(json);
            var items = await Busy.WhileAsync($"collecting {noun}s", quiet, () => read(client, parse.GetValue(resolved)));
            if (quiet)
            {
                Console.WriteLine(JsonSerializer.Serialize(items, CliJson.Options));
                return 0;
            }
            var table = Tables.New(columns);
            foreach (var item in items) table.AddRow(row(item));
            AnsiConsole.Write(table);
            await Console.Error.WriteLineAsync($"{items.Count} {noun}(s)");
            return 0;
        }, ct));
        return command;
    }
}
