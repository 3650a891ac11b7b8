using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt audit</c> lists the audit trail by time, user and twin; <c>dt audit verify</c> walks its hash chain. Admins only.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var from = new Option<DateTimeOffset?>("--from") { Description = "Entries at or after this instant (ISO-8601)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Entries before this instant." };
        var user = new Option<string?>("--user") { Description = "Only this actor's entries." };
        var twin = new Option<string?>("--twin") { Description = "Only entries about this twin." };
        var action = new Option<string?>("--action") { Description = "Only this action (topology.import, command.send, signin.failure, …)." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries (oldest first).", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print the entries as JSON, with their hashes." };

        var verify = new Command("verify", "Walk the audit chain and report the first edited, deleted or reordered entry (exit code 1 if any).");
        verify.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var result = await client.GetGrain<IAuditTrailGrain>(0).VerifyAsync();
            if (result.Valid)
            {
                Console.WriteLine($"audit chain intact: {result.Entries} entries; head entry {result.HeadSequence} hash {result.HeadHash}");
                return 0;
            }
            Console.WriteLine($"audit chain broken at entry {result.FirstBadSequence}: {result.Problem} ({result.Detail})");
            return 1;
        }, ct));

        var command = new Command("audit", "List the audit trail: who did what to which twin, oldest first.") { from, to, user, twin, action, limit, json, verify };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var query = new AuditQuery(parse.GetValue(from), parse.GetValue(to), parse.GetValue(user), parse.GetValue(twin), parse.GetValue(action),
                Math.Clamp(parse.GetValue(limit), 1, AuditQuery.MaxLimit));
            var records = await client.GetGrain<IAuditTrailGrain>(0).ListAsync(query);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(records, CliJson.Options));
                return 0;
            }
            foreach (var r in records)
            {
                Console.WriteLine($"{r.Sequence,6}  {r.Time:yyyy-MM-dd HH:mm:ss.fff}Z  {r.Actor,-12} {r.Action,-20} {r.TwinId ?? "-",-16} {r.Detail}");
            }
            return 0;
        }, ct));
        return command;
    }
}
