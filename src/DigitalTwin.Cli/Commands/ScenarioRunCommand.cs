using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt scenario run --root &lt;twin&gt; [--fail ...] [--add-rack ...] [--load ...] [--setpoint ...] [--json]</c>:
/// forks the live subtree, perturbs it, runs it forward and prints the answer (the same JSON as the HTTP API with
/// <c>--json</c>). Exit code 0 when it ran, 5 when it was refused (the reasons on standard error).
/// </summary>
internal static class ScenarioRunCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "A room or data centre to fork.", Required = true };
        var fail = new Option<string[]>("--fail") { Description = "CRACs, PDUs or UPSs that fail: <id>[,<id>...] (repeatable).", AllowMultipleArgumentsPerToken = true };
        var failPath = new Option<string[]>("--fail-path") { Description = "Whole feed paths that fail, by label (A, B).", AllowMultipleArgumentsPerToken = true };
        var addRack = new Option<string[]>("--add-rack") { Description = "Add a rack: id:room:row:slot:watts[:source/path+source/path][:crac+crac] (repeatable)." };
        var load = new Option<string[]>("--load") { Description = "Scale the workload of servers or racks: <ids>=<factor> (repeatable)." };
        var setpoint = new Option<string[]>("--setpoint") { Description = "Change a CRAC's setpoint: <crac>=<°C> (repeatable)." };
        var fan = new Option<string[]>("--fan") { Description = "Change a CRAC's fan speed: <crac>=<percent> (repeatable)." };
        var horizon = new Option<double>("--horizon") { Description = "Seconds to run forward (at most 7 days).", DefaultValueFactory = _ => ScenarioRequest.DefaultHorizonS };
        var step = new Option<double>("--step") { Description = "Seconds per step (at least 1).", DefaultValueFactory = _ => ScenarioRequest.DefaultStepS };
        var id = new Option<string?>("--id") { Description = "The scenario id (default: generated)." };
        var json = new Option<bool>("--json") { Description = "Print the whole answer as JSON." };
        var command = new Command("run", "Run a what-if scenario on a fork of the live twin.")
        {
            root, fail, failPath, addRack, load, setpoint, fan, horizon, step, id, json,
        };
        command.SetAction((parse, ct) =>
        {
            ScenarioRequest request;
            try
            {
                request = new ScenarioRequest(parse.GetValue(root)!,
                    Fail: Ids(parse.GetValue(fail)),
                    FailPaths: Ids(parse.GetValue(failPath)),
                    AddRacks: parse.GetValue(addRack)?.Select(ScenarioRequestText.Rack).ToList(),
                    Loads: parse.GetValue(load)?.Select(ScenarioRequestText.Load).ToList(),
                    Cracs: [.. (parse.GetValue(setpoint) ?? []).Select(ScenarioRequestText.Setpoint), .. (parse.GetValue(fan) ?? []).Select(ScenarioRequestText.Fan)],
                    HorizonS: parse.GetValue(horizon), StepS: parse.GetValue(step));
            }
            catch (FormatException error)
            {
                Console.Error.WriteLine($"dt: {error.Message}");
                return Task.FromResult(2);
            }
            var scenarioId = parse.GetValue(id) ?? "scn-" + Guid.NewGuid().ToString("N")[..12];
            return ClusterConnection.RunAsync(parse, async (client, _) =>
            {
                var outcome = await WithProgressAsync(client.GetGrain<IScenarioGrain>(scenarioId).RunAsync(request));
                if (outcome.Answer is not { } answer)
                {
                    foreach (var problem in outcome.Problems) await Console.Error.WriteLineAsync($"dt: refused: {problem}");
                    return 5;
                }
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(answer, CliJson.Options));
                else Print(answer);
                return 0;
            }, ct);
        });
        return command;
    }

    private static List<string>? Ids(string[]? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>Shows elapsed time on standard error while a run takes longer than a second (standard output stays clean for --json).</summary>
    private static async Task<T> WithProgressAsync<T>(Task<T> work)
    {
        var started = DateTime.UtcNow;
        var shown = false;
        while (await Task.WhenAny(work, Task.Delay(1000)) != work)
        {
            if (!Console.IsErrorRedirected) Console.Error.Write($"\rdt: forking and simulating… {(DateTime.UtcNow - started).TotalSeconds:0} s");
            shown = true;
        }
        if (shown && !Console.IsErrorRedirected) Console.Error.WriteLine();
        return await work;
    }

    /// <summary>Air to spare below which a rack that holds is reported near the edge, %. Against the simulator, racks
    /// left with about a tenth more air than they draw tipped or held on details no telemetry showed.</summary>
    private const double NearEdgePct = 15;

    private static string Headroom(double? pct) => pct is { } v ? v.ToString("+0;-0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void Print(ScenarioAnswer a)
    {
        var inv = CultureInfo.InvariantCulture;
        string Time(double? s) => s is { } v ? TimeSpan.FromSeconds(v).ToString(@"h\:mm\:ss", inv) : "-";
        Console.WriteLine($"scenario {a.ScenarioId} on {a.RootId}: {a.HorizonS.ToString("0", inv)} s, series every {a.StepS.ToString("0.#", inv)} s (held until {a.ExpiresAt:u})");
        Console.WriteLine(a.FirstLimitS is { } first
            ? $"  first limit: {a.FirstRackId} after {Time(first)}"
            : "  no rack reaches its inlet limit within the horizon");
        Console.WriteLine($"  baseline: first limit {Time(a.Baseline.FirstLimitS)}, peak inlet {a.Baseline.PeakInletC.ToString("0.0", inv)} °C; scenario peak {(a.Baseline.PeakInletC + a.Baseline.PeakInletDeltaC).ToString("0.0", inv)} °C ({a.Baseline.PeakInletDeltaC.ToString("+0.0;-0.0", inv)}), IT {a.Baseline.ItPowerDeltaW.ToString("+0;-0", inv)} W");
        Console.WriteLine($"  {"rack",-16} {"limit",6} {"to limit",9} {"peak",6} {"base",6} {"IT W",8} {"air",6}");
        foreach (var r in a.Racks.Take(12))
        {
            Console.WriteLine($"  {r.Id,-16} {r.LimitC.ToString("0.0", inv),6} {Time(r.TimeToLimitS),9} {r.PeakInletC.ToString("0.0", inv),6} {r.BaselinePeakInletC.ToString("0.0", inv),6} {r.ItPowerW.ToString("0", inv),8} {Headroom(r.AirHeadroomPct),6}");
        }
        if (a.Racks.Count > 12) Console.WriteLine($"  … {a.Racks.Count - 12} more racks (--json for all)");
        // Racks that hold with little air to spare sit on a tipping point the model cannot resolve: a few percent more
        // load, or a floor that sends the running units' air elsewhere, and they breathe their own exhaust.
        var edge = a.Racks.Where(r => r.TimeToLimitS is null && r.AirHeadroomPct is < NearEdgePct).OrderBy(r => r.AirHeadroomPct).ToList();
        if (edge.Count > 0)
            Console.WriteLine($"  near the edge (hold with under {NearEdgePct} % air to spare): {string.Join(", ", edge.Take(8).Select(r => $"{r.Id} {Headroom(r.AirHeadroomPct)}"))}{(edge.Count > 8 ? $" and {edge.Count - 8} more" : "")}");
        Console.WriteLine($"  affected servers: {a.AffectedServers.Count}; services hit: {(a.Services.Count == 0 ? "none" : string.Join(", ", a.Services.Select(s => s.Down ? $"{s.Id} (down)" : $"{s.Id} ({s.ServersHit.Count}/{s.ServersTotal})")))}");
        Console.WriteLine($"  power: redundancy {(a.Redundancy.Holds ? "holds" : "lost")}; {a.Redundancy.ServersOnOnePath} servers on one path, {a.Redundancy.ServersWithoutPower} without power" +
            (a.Redundancy.OverloadedSources.Count > 0 ? $", overloaded: {string.Join(", ", a.Redundancy.OverloadedSources)}" : ""));
        foreach (var c in a.Cooling) Console.WriteLine($"  cooling {c.RoomId}: {(c.Adequate ? "adequate" : "NOT adequate")} ({c.HeatLoadW.ToString("0", inv)} W of heat, {c.WorkingCapacityW.ToString("0", inv)} W rated working)");
        if (a.Mitigation is { } m)
        {
            Console.WriteLine($"  mitigation: {m.Action} — checked: {(m.Resolves ? "no rack reaches its limit" : $"first limit after {Time(m.FirstLimitS)}")}, peak {m.PeakInletC.ToString("0.0", inv)} °C ({m.Candidates} tried)");
        }
        Console.WriteLine($"  drill: stopped {a.Drill.Stopped.Count}, on redundant path {a.Drill.OnRedundantPath.Count}, services down {a.Drill.ServicesDown.Count}, recovery {Time(a.Drill.RecoveryS)}");
        Console.WriteLine($"  calibrated: {a.Calibration.Calibrated.Count} parameters, defaulted: {a.Calibration.Defaulted.Count} (--json for which)");
        Console.WriteLine($"  cost: fork {a.Timings.ForkMs.ToString("0.0", inv)} ms ({a.Timings.TwinsForked} of {a.Timings.TwinsInSubtree} twins), simulate {a.Timings.SimulateMs.ToString("0.0", inv)} ms ({a.Timings.Runs} runs × {a.Timings.Steps} steps)");
    }
}
