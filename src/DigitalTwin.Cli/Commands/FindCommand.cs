using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Cli.Client;
using Spectre.Console;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt find &lt;text&gt; [--kind crac]</c>: twins whose id contains a text, from the topology directory.</summary>
internal static class FindCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Part of a twin id (case-insensitive); '*' finds every twin." };
        var kind = new Option<string?>("--kind") { Description = "Only twins of these kinds, comma-separated (server,crac), built in or declared by a topology (machine)." };
        var limit = new Option<int>("--limit") { Description = "At most this many twins.", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("find", "Find twins by id and kind anywhere in the topology.") { text, kind, limit, json };
        command.SetAction((parse, ct) =>
        {
            var kinds = new HashSet<TwinKind>();
            var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in (parse.GetValue(kind) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // A name that is not built in is a kind a topology declares.
                if (TwinKinds.TryParse(name, out var k)) kinds.Add(k);
                else types.Add(name);
            }
            return ClusterConnection.RunAsync(parse, async (client, _) =>
            {
                var quiet = parse.GetValue(json);
                var view = await Busy.WhileAsync("reading the topology", quiet, () => client.GetLiveTopology().GetViewAsync());
                var needle = parse.GetValue(text)!;
                var found = view.Entries
                    .Where(e => needle == "*" || e.Id.Contains(needle, StringComparison.OrdinalIgnoreCase))
                    .Where(e => (kinds.Count == 0 && types.Count == 0) || kinds.Contains(e.Kind) || (e.Type is not null && types.Contains(e.Type)))
                    .OrderBy(e => e.Id, StringComparer.Ordinal)
                    .Take(Math.Max(1, parse.GetValue(limit)))
                    .ToList();
                if (quiet)
                {
                    Console.WriteLine(JsonSerializer.Serialize(found, CliJson.Options));
                    return 0;
                }
                var table = Tables.New("Twin", "Kind", "Parent");
                foreach (var e in found) table.AddRow(Tables.Text(e.Id), Tables.Text(e.Type ?? e.Kind.ToString()), Tables.Text(e.ParentId));
                AnsiConsole.Write(table);
                await Console.Error.WriteLineAsync($"{found.Count} twin(s)");
                return 0;
            }, ct);
        });
        return command;
    }
}
