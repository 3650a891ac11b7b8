using System.CommandLine;
using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt query &lt;root&gt; --kind server --where "inlet_temp_c&gt;27"</c>: descendants matching a filter.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var root = new Argument<string>("root") { Description = "The twin whose descendants are searched (a data centre, room, rack…)." };
        var kind = new Option<string?>("--kind") { Description = "Comma-separated kinds, e.g. server,crac, or kinds a topology declares (machine)." };
        var tag = new Option<string?>("--tag") { Description = "Only twins with this tag." };
        var health = new Option<HealthStatus?>("--min-health") { Description = "Only twins at least this unhealthy (Warning, Critical, Failed)." };
        var where = new Option<string?>("--where") { Description = "A metric predicate on latest values: metric>value, >=, <, <=, =." };
        var pageSize = new Option<int>("--page-size") { Description = "Results per page.", DefaultValueFactory = _ => 100 };
        var all = new Option<bool>("--all") { Description = "Follow continuation tokens to the last page." };
        var command = new Command("query", "Find descendants of a twin by kind, tag, health or a metric predicate.")
        {
            root, kind, tag, health, where, pageSize, all,
        };
        command.SetAction((parse, ct) =>
        {
            if (!TryBuild(parse.GetValue(kind), parse.GetValue(tag), parse.GetValue(health), parse.GetValue(where), parse.GetValue(pageSize), out var query, out var error))
            {
                Console.Error.WriteLine($"dt: {error}");
                return Task.FromResult(2);
            }
            return ClusterConnection.RunAsync(parse, async (client, _) =>
            {
                var twin = await TwinLookup.FindAsync(client, parse.GetValue(root)!);
                if (twin is null)
                {
                    await Console.Error.WriteLineAsync($"dt: no twin has the id '{parse.GetValue(root)}'");
                    return 4;
                }
                var count = 0;
                var more = false;
                for (var page = await twin.FindDescendantsAsync(query!); ; page = await twin.FindDescendantsAsync(query! with { After = page.ContinuationToken }))
                {
                    foreach (var item in page.Items)
                    {
                        count++;
                        var metrics = string.Join(" ", item.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                            .Select(m => $"{m.Key}={m.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));
                        Console.WriteLine($"{item.Id,-24} {item.Type ?? item.Kind.ToString(),-14} {item.Health,-8} parent={item.ParentId} {metrics}");
                    }
                    foreach (var missing in page.Incomplete) await Console.Error.WriteLineAsync($"dt: subtree {missing} did not answer in time");
                    more = page.ContinuationToken is not null;
                    if (!more || !parse.GetValue(all)) break;
                }
                await Console.Error.WriteLineAsync($"{count} twin(s){(more ? "; more match: use --all or a larger --page-size" : "")}");
                return 0;
            }, ct);
        });
        return command;
    }

    private static bool TryBuild(string? kinds, string? tag, HealthStatus? health, string? where, int pageSize, out TwinQuery? query, out string? error)
    {
        query = null;
        error = null;
        var kindList = new List<TwinKind>();
        var typeList = new List<string>();
        foreach (var name in (kinds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A name that is not built in is a kind a topology declares.
            if (TwinKinds.TryParse(name, out var k)) kindList.Add(k);
            else typeList.Add(name);
        }
        MetricPredicate? predicate = null;
        if (!string.IsNullOrWhiteSpace(where) && !MetricPredicateText.TryParse(where, out predicate, out error)) return false;
        if (pageSize is < 1 or > TwinQuery.MaxPageSize) { error = $"--page-size must be 1..{TwinQuery.MaxPageSize}"; return false; }
        query = new TwinQuery(kindList.Count == 0 ? null : kindList, tag, health, predicate, pageSize, Types: typeList.Count == 0 ? null : typeList);
        return true;
    }
}
