using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Cli.Client;
using DigitalTwin.Evaluation.Cooling;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval cooling</c> (issue 8 item 4): the cooling loop against the data-centre simulator on one accelerated clock.
/// The baseline is the simulator alone at its default settings (offline, as fast as the CPU allows); the optimised run
/// is the same world (same seed, epoch and so the same IT-load pattern) mirrored by a silo of its own: after a warm-up
/// that gives the twin its calibration history, the silo's recommendation is approved and applied through the command
/// channel, and after the room settles an equal period is measured. Then one CRAC fails and the loop is watched.
/// Energy, inlets and limit crossings come from the simulator's ground truth; rollbacks from the recommendation's trail.
/// </summary>
internal static class EvalCoolingCommand
{
    public static Command Create()
    {
        var servers = new Option<int>("--servers")
        {
            // 400 servers in 2 rooms: rooms that survive the loss of any one CRAC at the simulator's defaults (N+1), so
            // the failure case asks whether the loop keeps that; at 500 the generator's rooms are not N+1 for crac-a2.
            Description = "Servers in the generated data centre.", DefaultValueFactory = _ => 400,
        };
        var rooms = new Option<int>("--rooms") { Description = "Rooms in the generated data centre.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "The simulator's seed (layout, workload, noise).", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--time-scale") { Description = "Simulated seconds per real second.", DefaultValueFactory = _ => 30 };
        var interval = new Option<double>("--interval") { Description = "Simulated seconds between telemetry batches.", DefaultValueFactory = _ => 30 };
        var warmUp = new Option<double>("--warm-up")
        {
            // The calibration reads each rack's share of every CRAC's air from at least an hour of one-minute history.
            Description = "Simulated seconds before the recommendation (the twin's calibration history).", DefaultValueFactory = _ => 4500,
        };
        var settle = new Option<double>("--settle")
        {
            // The simulator's room structure stores heat for about an hour after a change; measuring sooner counts that as saving.
            Description = "Simulated seconds after approval before measuring.", DefaultValueFactory = _ => 3600,
        };
        var period = new Option<double>("--period") { Description = "Simulated seconds measured, in each run.", DefaultValueFactory = _ => 3600 };
        var failure = new Option<double>("--failure") { Description = "Simulated seconds watched after a CRAC fails; 0 skips the failure.", DefaultValueFactory = _ => 1800 };
        var fail = new Option<string?>("--fail") { Description = "The CRAC that fails after the measured period (default: the first in the topology)." };
        var epoch = new Option<string>("--epoch") { Description = "Simulated start (ISO 8601; a weekday morning by default).", DefaultValueFactory = _ => "2026-11-24T10:00:00Z" };
        var output = new Option<string?>("--output") { Description = "Folder for the topology and the truth files (default: a new temporary folder)." };
        var command = new Command("cooling", "Measure the cooling loop's saving against the data-centre simulator (baseline, optimised, one CRAC failing).")
        {
            servers, rooms, seed, scale, interval, warmUp, settle, period, failure, fail, epoch, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var plan = new CoolingEvaluationPlan(
                    Math.Max(1, parse.GetValue(servers)), Math.Max(1, parse.GetValue(rooms)), parse.GetValue(seed),
                    Positive(parse.GetValue(scale), "--time-scale"), Positive(parse.GetValue(interval), "--interval"),
                    Positive(parse.GetValue(warmUp), "--warm-up"), Math.Max(0, parse.GetValue(settle)), Positive(parse.GetValue(period), "--period"),
                    Math.Max(0, parse.GetValue(failure)), parse.GetValue(fail),
                    DateTimeOffset.Parse(parse.GetValue(epoch)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    parse.GetValue(output) ?? Directory.CreateTempSubdirectory("dt-eval-cooling-").FullName);
                return await RunAsync(plan, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt eval cooling: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static double Positive(double value, string option) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentException($"{option} must be above 0");

    private static async Task<int> RunAsync(CoolingEvaluationPlan plan, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(plan.Folder);
        var topology = Path.Combine(plan.Folder, "topology.yaml");
        await LocalSimulator.RunAsync(["--servers", Text(plan.Servers), "--rooms", Text(plan.Rooms), "--seed", Text(plan.Seed), "--write-topology", topology], Log(plan), cancellationToken);

        var failed = plan.FailureS <= 0 ? null : plan.Fail ?? FirstCrac(topology);
        // The same unit fails in both runs after the measured period: the baseline shows what it does without the twin.
        string[] failure = failed is null ? [] : ["--fault-at", $"{Text(plan.MeasureToS)}:crac_failure:{failed}"];

        var baselineTruth = Path.Combine(plan.Folder, "baseline-truth.jsonl");
        Console.Error.WriteLine($"eval: baseline: the simulator alone at its default settings for {plan.EndS:0} simulated s ({plan.Folder})");
        await LocalSimulator.RunAsync([.. plan.World(topology), .. failure, "--no-broker", "--truth", baselineTruth, "--duration", Text(plan.EndS)], Log(plan), cancellationToken);

        var optimisedTruth = Path.Combine(plan.Folder, "optimised-truth.jsonl");
        var recommendation = await RunOptimisedAsync(plan, topology, failure, failed, optimisedTruth, cancellationToken);

        var baseline = SimulatorTruth.Read(baselineTruth);
        var optimised = SimulatorTruth.Read(optimisedTruth);
        var (from, to) = (plan.At(plan.MeasureFromS), plan.At(plan.MeasureToS));
        var baselineKwh = baseline.CoolingEnergyKwh(from, to);
        var optimisedKwh = optimised.CoolingEnergyKwh(from, to);
        Console.Error.WriteLine(Invariant($"eval: IT energy over the measured hour: baseline {baseline.ItEnergyKwh(from, to):0.00} kWh, optimised {optimised.ItEnergyKwh(from, to):0.00} kWh"));
        var (applied, failedAt) = (plan.At(plan.WarmUpS), plan.At(plan.MeasureToS));
        var rollbacks = recommendation.Trail.Where(t => t.Step == CoolingTrailSteps.Rollback).ToList();
        Console.WriteLine(Invariant(
            $"COOLING baseline_kwh={baselineKwh:0.00} optimised_kwh={optimisedKwh:0.00} saving_pct={100 * (baselineKwh - optimisedKwh) / baselineKwh:0.0} predicted_saving_pct={recommendation.PredictedSavingPct:0.0} max_inlet_c={optimised.MaxInletC(applied, failedAt):0.00} violations={optimised.Violations(applied, failedAt)} rollbacks={rollbacks.Count(t => t.At < failedAt)}"));
        if (failed is not null)
        {
            var end = plan.At(plan.EndS);
            Console.Error.WriteLine(Invariant($"eval: {failed} failed at {failedAt:O}; critical crossings after it: {optimised.CriticalCrossings(failedAt, end)}; without the twin (baseline settings, nobody responding): violations {baseline.Violations(failedAt, end)}, critical crossings {baseline.CriticalCrossings(failedAt, end)}, max inlet {baseline.MaxInletC(failedAt, end):0.00} °C"));
            if (baseline.CriticalCrossings(failedAt, end) > 0)
            {
                // No setting can be judged against a failure the room does not survive at its own defaults.
                Console.Error.WriteLine($"eval: the room is not N+1 for {failed}: at the baseline settings its loss already takes racks past their critical limit");
            }
            Console.WriteLine(Invariant(
                $"COOLING-FAILURE violations={optimised.Violations(failedAt, end)} rollbacks={rollbacks.Count(t => t.At >= failedAt)} max_inlet_c={optimised.MaxInletC(failedAt, end):0.00}"));
        }
        return 0;
    }

    /// <summary>The silo and the simulator on one clock: warm up, approve the recommendation, measure, fail a CRAC.</summary>
    private static async Task<CoolingRecommendation> RunOptimisedAsync(CoolingEvaluationPlan plan, string topology, string[] failure, string? failing,
        string truth, CancellationToken cancellationToken)
    {
        // Both clocks map the epoch to an instant shortly ahead, so the silo is up and the topology imported before it.
        var anchor = DateTimeOffset.UtcNow.AddSeconds(45);
        await using var silo = await LocalSilo.StartAsync(cancellationToken, plan.SiloSettings(anchor));
        using var http = new HttpClient { BaseAddress = silo.Api, Timeout = TimeSpan.FromMinutes(2) };
        var yaml = await File.ReadAllTextAsync(topology, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
            using var import = await http.PostAsync("api/topology", content, cancellationToken);
            if (import.IsSuccessStatusCode) break;
            var problem = $"import failed: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync(cancellationToken)}";
            // A silo on a loaded machine can time out importing thousands of twins; the import is idempotent.
            if ((int)import.StatusCode < 500 || attempt == 3) throw new InvalidOperationException(problem);
            Console.Error.WriteLine($"eval: {problem}; importing again");
        }
        var arguments = plan.World(topology).Concat([.. failure, "--broker", $"127.0.0.1:{silo.Broker.Port}", "--time-scale", Text(plan.TimeScale),
            "--clock-anchor", anchor.ToString("O", CultureInfo.InvariantCulture), "--interval", Text(plan.IntervalS), "--truth", truth,
            "--duration", Text(plan.EndS), "--client-id", $"dt-eval-cooling-{Environment.ProcessId}"]).ToList();
        await using var simulator = LocalSimulator.Start(arguments, Log(plan));
        Console.Error.WriteLine(Invariant($"eval: optimised: silo and simulator on one clock at {plan.TimeScale}x; warm-up {plan.WarmUpS:0} s, settle {plan.SettleS:0} s, measure {plan.PeriodS:0} s, then {failing ?? "no CRAC"} fails for {plan.FailureS:0} s"));

        await UntilAsync(plan, anchor, plan.WarmUpS, silo, simulator, cancellationToken);
        var made = await AskAsync(http, HttpMethod.Post, "api/cooling/recommendations?by=dt-eval", cancellationToken);
        Console.Error.WriteLine(Invariant($"eval: {made.Id}: predicted {made.PredictedBeforeW / 1000:0.00} → {made.PredictedAfterW / 1000:0.00} kW ({made.PredictedSavingPct:0.0} %), measured before {made.MeasuredBeforeW / 1000:0.00} kW; ") +
            string.Join(", ", made.Cracs.Select(c => Invariant($"{c.CracId} {c.SetpointBeforeC:0.#}→{c.SetpointAfterC:0.#} °C {c.FanBeforePct:0}→{c.FanAfterPct:0} %"))));
        Console.Error.WriteLine($"eval: {made.Trail[0].Detail}");
        var approved = await AskAsync(http, HttpMethod.Post, $"api/cooling/recommendations/{made.Id}/approve?by=dt-eval", cancellationToken);
        Console.Error.WriteLine($"eval: {approved.Id} approved: {approved.State}");

        await UntilAsync(plan, anchor, plan.EndS, silo, simulator, cancellationToken);
        try
        {
            await simulator.WaitForExitAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // Past the end its truth is complete (reading it says if not); a broker that stopped answering then does not void the run.
            Console.Error.WriteLine($"eval: the simulator ended with an error at the end of the run: {ex.Message.Split('\n')[0]}");
        }
        var final = await AskAsync(http, HttpMethod.Get, $"api/cooling/recommendations/{made.Id}", cancellationToken);
        foreach (var step in final.Trail.Where(t => t.Step is not (CoolingTrailSteps.CommandSent or CoolingTrailSteps.Acknowledged)))
        {
            Console.Error.WriteLine(Invariant($"eval: trail {step.At:HH:mm:ss} {step.Step} by {step.Actor}: {step.Detail}"));
        }
        return final;
    }

    /// <summary>The first CRAC of the topology the simulator wrote (the unit that fails unless --fail names one).</summary>
    private static string FirstCrac(string topology)
    {
        var document = DigitalTwin.Topology.TopologyFile.Load(topology).Document ?? throw new InvalidOperationException($"{topology}: not a topology");
        return document.Twins.FirstOrDefault(t => t.Kind == DigitalTwin.Abstractions.Identity.TwinKind.Crac)?.Id
            ?? throw new InvalidOperationException($"{topology} has no CRAC to fail");
    }

    /// <summary>Waits until the shared clock reaches <paramref name="simulatedS"/> from the epoch.</summary>
    private static async Task UntilAsync(CoolingEvaluationPlan plan, DateTimeOffset anchor, double simulatedS, LocalSilo silo, LocalSimulator simulator,
        CancellationToken cancellationToken)
    {
        var at = anchor + TimeSpan.FromSeconds(simulatedS / plan.TimeScale);
        while (DateTimeOffset.UtcNow < at)
        {
            if (silo.HasExited) throw new InvalidOperationException($"the silo exited: {silo.Tail()}");
            if (simulator.HasExited && simulatedS < plan.EndS) throw new InvalidOperationException($"the simulator exited early: {simulator.Tail()}");
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, Math.Max(10, (at - DateTimeOffset.UtcNow).TotalMilliseconds))), cancellationToken);
        }
    }

    private static async Task<CoolingRecommendation> AskAsync(HttpClient http, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return await response.Content.ReadFromJsonAsync<CoolingRecommendation>(CliJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{method} {path}: empty answer");
    }

    private static string Log(CoolingEvaluationPlan plan) => Path.Combine(plan.Folder, "simulator.log");

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
