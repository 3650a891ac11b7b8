using System.CommandLine;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Cli.Client;
using DigitalTwin.Topology;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt topology validate|import &lt;file&gt;</c>: check a topology file, or apply it to the live twin (all or nothing).</summary>
internal static class TopologyCommands
{
    public static Command Create()
    {
        var validateFile = new Argument<string>("file") { Description = "A topology file (.yaml, .yml or .json)." };
        var validate = new Command("validate", "Check a topology file on its own, without a cluster; prints one line per problem.") { validateFile };
        validate.SetAction(parse =>
        {
            var errors = Check(parse.GetValue(validateFile)!, new Dictionary<string, TopologyEntry>(), out var document);
            return Report(errors, document is null ? "" : $"valid: {document.Twins.Count} twins");
        });

        var importFile = new Argument<string>("file") { Description = "A topology file (.yaml, .yml or .json)." };
        var import = new Command("import", "Validate a topology file against the live twin and apply it: nothing is applied if anything is wrong.") { importFile };
        import.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, cancellation) =>
        {
            var topology = client.GetLiveTopology();
            var path = parse.GetValue(importFile)!;
            var parsed = File.Exists(path) ? TopologyFile.Load(path) : null;
            if (parsed is null || parsed.Errors.Count > 0 || parsed.Document is null)
            {
                var view = await topology.GetViewAsync();
                return Report(Check(path, view.Entries.ToDictionary(e => e.Id), out _), "");
            }
            var result = await topology.ImportAsync(parsed.Document);
            return Report(result.Errors,
                $"applied: {result.Created} created, {result.Updated} updated, {result.Moved} moved; topology version {result.Version}");
        }, ct));

        return new Command("topology", "Validate or import a topology file.") { validate, import };
    }

    private static IReadOnlyList<TopologyError> Check(string path, IReadOnlyDictionary<string, TopologyEntry> existing, out TopologyDocument? document)
    {
        document = null;
        if (!File.Exists(path)) return [new TopologyError(path, TopologyErrorCodes.Syntax, "file not found")];
        var parsed = TopologyFile.Load(path);
        document = parsed.Document;
        var errors = TopologyValidator.Validate(parsed, existing);
        if (errors.Count > 0) document = null;
        return errors;
    }

    private static int Report(IReadOnlyList<TopologyError> errors, string success)
    {
        foreach (var error in errors) Console.Error.WriteLine(error.ToString());
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"refused: {errors.Count} problem(s); nothing applied");
            return 1;
        }
        Console.WriteLine(success);
        return 0;
    }
}
