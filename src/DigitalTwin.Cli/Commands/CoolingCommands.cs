using System.CommandLine;
using System.Text.Json;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt cooling</c>: recommendations from the cooling optimiser, and an operator's approval.</summary>
internal static class CoolingCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON (the same shape as the HTTP API)." };

    private static readonly Option<string> By = new("--by")
    {
        Description = "Who acts (recorded in the trail); default: your user name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    public static Command Create() => new("cooling", "Cooling recommendations: recommend, approve, reject, show, list.")
    {
        Recommend(), Decide("approve"), Decide("reject"), Show(), List(),
    };

    private static Command Recommend()
    {
        var dataCentre = new Option<string?>("--datacentre") { Description = "The data centre (default: the only one)." };
        var fresh = new Option<bool>("--new") { Description = "Always compute a new one (supersedes a pending one)." };
        var command = new Command("recommend", "Show the pending recommendation, or compute one from the live state.") { dataCentre, fresh, By, Json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var (cooling, problem) = await client.FindCoolingAsync(parse.GetValue(dataCentre));
            if (cooling is null)
            {
                await Console.Error.WriteLineAsync($"dt: {problem}");
                return 4;
            }
            var pending = parse.GetValue(fresh) ? null : await cooling.GetPendingAsync();
            if (pending is null)
            {
                var made = await cooling.RecommendAsync(parse.GetValue(By)!);
                if (!made.Accepted) return CoolingText.Refused(made);
                pending = made.Recommendation!;
            }
            Write(pending, parse.GetValue(Json));
            return 0;
        }, ct));
        return command;
    }

    private static Command Decide(string verb)
    {
        var id = new Argument<string>("id") { Description = "The recommendation's id, e.g. dc-lon1.r12." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded in the trail)." };
        var wait = new Option<bool>("--no-wait") { Description = "Do not wait for the devices' acknowledgements." };
        var command = verb == "approve"
            ? new Command("approve", "Approve a recommendation: its commands go to the CRACs; waits for their acknowledgements.") { id, By, wait, Json }
            : new Command("reject", "Reject a recommendation.") { id, By, reason, Json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, cancel) =>
        {
            var recommendationId = parse.GetValue(id)!;
            var cooling = client.CoolingOf(recommendationId);
            if (cooling is null)
            {
                await Console.Error.WriteLineAsync($"dt: '{recommendationId}' is not a recommendation id (<datacentre>.r<n>)");
                return 2;
            }
            var decision = verb == "approve"
                ? await cooling.ApproveAsync(recommendationId, parse.GetValue(By)!)
                : await cooling.RejectAsync(recommendationId, parse.GetValue(By)!, parse.GetValue(reason));
            if (!decision.Accepted) return decision.Code == CoolingRefusals.Unknown ? Unknown(decision) : CoolingText.Refused(decision);
            var r = decision.Recommendation!;
            // The loop collects acknowledgements on its own; wait here until it has them all, or has given up.
            while (verb == "approve" && !parse.GetValue(wait) && r.State is CoolingRecommendationState.Applying or CoolingRecommendationState.Reverting)
            {
                await Task.Delay(250, cancel);
                r = await cooling.GetRecommendationAsync(recommendationId) ?? r;
            }
            Write(r, parse.GetValue(Json));
            return r.State == CoolingRecommendationState.Failed ? 6 : 0;
        }, ct));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The recommendation's id." };
        var command = new Command("show", "A recommendation with its trail: who did what, when.") { id, Json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var recommendationId = parse.GetValue(id)!;
            var r = client.CoolingOf(recommendationId) is { } c ? await c.GetRecommendationAsync(recommendationId) : null;
            if (r is null)
            {
                await Console.Error.WriteLineAsync($"dt: no recommendation has the id '{recommendationId}'");
                return 4;
            }
            Write(r, parse.GetValue(Json));
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var dataCentre = new Option<string?>("--datacentre") { Description = "The data centre (default: the only one)." };
        var top = new Option<int>("--top") { Description = "How many, newest first.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "Recent recommendations, newest first.") { dataCentre, top, Json };
        command.SetAction((parse, ct) => ClusterConnection.RunAsync(parse, async (client, _) =>
        {
            var (cooling, problem) = await client.FindCoolingAsync(parse.GetValue(dataCentre));
            if (cooling is null)
            {
                await Console.Error.WriteLineAsync($"dt: {problem}");
                return 4;
            }
            var list = await cooling.GetRecommendationsAsync(parse.GetValue(top));
            if (parse.GetValue(Json)) Console.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
            else foreach (var r in list) CoolingText.Print(r, trail: false);
            return 0;
        }, ct));
        return command;
    }

    private static void Write(CoolingRecommendation r, bool json)
    {
        if (json) Console.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
        else CoolingText.Print(r);
    }

    private static int Unknown(CoolingDecision decision)
    {
        Console.Error.WriteLine($"dt: {decision.Reason}");
        return 4;
    }
}
