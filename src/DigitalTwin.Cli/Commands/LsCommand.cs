using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Cli.Client;
using Spectre.Console;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt ls [twin]</c>: the children of a twin with their health and rollup, or every data centre.</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var twinId = new Argument<string?>("twin") { Description = "The twin whose children are listed (default: the data centres).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("ls", "List a twin's children (or the data centres) with health, power and inlet.") { twinId, json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var id = parse.GetValue(twinId);
            var quiet = parse.GetValue(json);
            var rows = await Busy.WhileAsync("reading the twin", quiet, async () =>
            {
                IReadOnlyList<TwinRef> children;
                if (id is null)
                {
                    var view = await client.GetLiveTopology().GetViewAsync();
                    children = view.Entries.Where(e => e.ParentId is null).Select(e => new TwinRef(e.Id, e.Kind)).ToList();
                }
                else
                {
                    var twin = await TwinLookup.FindAsync(client, id);
                    if (twin is null) return null;
                    children = await twin.GetChildrenAsync();
                }
                return await Task.WhenAll(children.OrderBy(c => c.Id, StringComparer.Ordinal).Select(async c =>
                {
                    var snapshot = await client.GetTwin(c.Id, c.Kind).GetSnapshotAsync();
                    return new ListedTwin(c.Id, c.Kind, snapshot.Health, snapshot.Rollup?.ItPowerW, snapshot.Rollup?.MaxInletC,
                        snapshot.Children.Count, snapshot.Rollup?.OpenAlerts ?? snapshot.OpenAlerts.Count, snapshot.Spec.Type);
                }));
            });
            if (rows is null)
            {
                await Console.Error.WriteLineAsync($"dt: no twin has the id '{id}'");
                return 4;
            }
            if (quiet)
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return 0;
            }
            var table = Tables.New("Twin", "Kind", "Health", "Children", "IT power W", "Inlet max °C", "Open alerts");
            foreach (var r in rows)
            {
                table.AddRow(Tables.Text(r.Id), Tables.Text(r.Type ?? r.Kind.ToString()), Tables.Health(r.Health), r.Children.ToString(),
                    Tables.Number(r.ItPowerW, "0"), Tables.Number(r.MaxInletC, "0.0"), r.OpenAlerts.ToString());
            }
            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private sealed record ListedTwin(string Id, TwinKind Kind, Abstractions.Health.HealthStatus Health, double? ItPowerW, double? MaxInletC, int Children, int OpenAlerts, string? Type);
}
