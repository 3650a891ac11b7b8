using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Cli.Client;
using DigitalTwin.Topology;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt import &lt;file&gt;</c>: validate a topology file against the live twin and apply it, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A topology file (.yaml, .yml or .json)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("import", "Import a topology file into the live twin: nothing is applied if anything is wrong.") { file, json };
        command.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"dt: {path}: file not found");
                return Task.FromResult(2);
            }
            return ClusterConnection.RunAsync(parse, async (client, _) =>
            {
                var quiet = parse.GetValue(json);
                var topology = client.GetLiveTopology();
                var result = await Busy.WhileAsync($"importing {Path.GetFileName(path)}", quiet, async () =>
                {
                    var parsed = TopologyFile.Load(path);
                    if (parsed.Errors.Count == 0 && parsed.Document is not null) return await topology.ImportAsync(parsed.Document);
                    var view = await topology.GetViewAsync();
                    return TopologyChangeResult.Refused(TopologyValidator.Validate(parsed, view.Entries.ToDictionary(e => e.Id)), view.Version);
                });
                if (quiet) Console.WriteLine(JsonSerializer.Serialize(result, CliJson.Options));
                else if (result.Applied) Console.WriteLine($"applied: {result.Created} created, {result.Updated} updated, {result.Moved} moved; topology version {result.Version}");
                foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.ToString());
                if (result.Applied) return 0;
                await Console.Error.WriteLineAsync($"refused: {result.Errors.Count} problem(s); nothing applied");
                return 1;
            }, ct);
        });
        return command;
    }
}
