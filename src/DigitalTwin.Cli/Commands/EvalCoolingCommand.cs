using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using DigitalTwin.Abstractions.Cooling;
using DigitalTwin.Cli.Client;
using DigitalTwin.Evaluation.Cooling;
using DigitalTwin.Evaluation.WhatIf;
using CoolingConstraints = DigitalTwin.Models.Optimisation.CoolingConstraints;
using FailureResponse = DigitalTwin.Models.Optimisation.FailureResponse;

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
        var offline = new Option<bool>("--offline")
        {
            Description = "No silo: the models' optimiser on the simulator's recording of the warm-up, its settings and the loop's response to the failure given to the simulator as --command-at.",
        };
        var responseTime = new Option<double>("--response")
        {
            // The silo's DigitalTwin:Cooling:FailureResponseTime, in simulated seconds; offline also when the response is given.
            // The simulator reports a unit stopping at once and the eval's loop checks every 2 simulated s: the trail's
            // rollback came 5 s after the stop in every live run (crac-a1 stopped 13:15:00, rollback 13:15:05). The
            // optimiser's N+1 check is held to the response the site really has, so the eval's site says what it measured;
            // the model's own error after a loss is FailureMarginK's, not this one's.
            Description = "Simulated seconds the loop takes to answer a stopped CRAC (the optimiser's N+1 check counts on it).", DefaultValueFactory = _ => 5,
        };
        var failureAir = new Option<double>("--failure-air")
        {
            // The silo's DigitalTwin:Cooling:FailureColdAirShare; offline also the optimiser's.
            Description = "Ample cold air after a CRAC loss, × a rack's draw, up to which no rack may get less than after that loss today (0: no such floor).",
            // With the loop answering within seconds the model's course after a loss decides (0.3 K over it measured), not the floor.
            DefaultValueFactory = _ => 0,
        };
        var failureLimit = new Option<double>("--failure-limit")
        {
            // The silo's DigitalTwin:Cooling:FailureInletLimitC; offline also the optimiser's.
            Description = "Inlet no rack may reach after the loss of one CRAC, the loop's response counted (°C; 0: N+1 not judged).",
            DefaultValueFactory = _ => 32,
        };
        var command = new Command("cooling", "Measure the cooling loop's saving against the data-centre simulator (baseline, optimised, one CRAC failing).")
        {
            servers, rooms, seed, scale, interval, warmUp, settle, period, failure, fail, epoch, output, offline, responseTime, failureAir, failureLimit,
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
                    parse.GetValue(output) ?? Directory.CreateTempSubdirectory("dt-eval-cooling-").FullName,
                    parse.GetValue(offline), Positive(parse.GetValue(responseTime), "--response"), Math.Max(0, parse.GetValue(failureAir)), Math.Max(0, parse.GetValue(failureLimit)));
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
        var (from, to) = (plan.At(plan.MeasureFromS), plan.At(plan.MeasureToS));
        var (applied, failedAt) = (plan.At(plan.WarmUpS), plan.At(plan.MeasureToS));
        double predictedSavingPct;
        int rollbacksBefore, rollbacksAfter;
        if (plan.Offline)
        {
            predictedSavingPct = await RunOfflineAsync(plan, topology, failure, failed, optimisedTruth, cancellationToken);
            // Offline there is no loop: the response the optimiser counted on is given to the simulator at its time.
            (rollbacksBefore, rollbacksAfter) = (0, failed is null ? 0 : 1);
        }
        else
        {
            var recommendation = await RunOptimisedAsync(plan, topology, failure, failed, optimisedTruth, cancellationToken);
            var rollbacks = recommendation.Trail.Where(t => t.Step == CoolingTrailSteps.Rollback).ToList();
            predictedSavingPct = recommendation.PredictedSavingPct;
            (rollbacksBefore, rollbacksAfter) = (rollbacks.Count(t => t.At < failedAt), rollbacks.Count(t => t.At >= failedAt));
        }

        var baseline = SimulatorTruth.Read(baselineTruth);
        var optimised = SimulatorTruth.Read(optimisedTruth);
        var baselineKwh = baseline.CoolingEnergyKwh(from, to);
        var optimisedKwh = optimised.CoolingEnergyKwh(from, to);
        Console.Error.WriteLine(Invariant($"eval: IT energy over the measured hour: baseline {baseline.ItEnergyKwh(from, to):0.00} kWh, optimised {optimised.ItEnergyKwh(from, to):0.00} kWh"));
        Console.WriteLine(Invariant(
            $"COOLING baseline_kwh={baselineKwh:0.00} optimised_kwh={optimisedKwh:0.00} saving_pct={100 * (baselineKwh - optimisedKwh) / baselineKwh:0.0} predicted_saving_pct={predictedSavingPct:0.0} max_inlet_c={optimised.MaxInletC(applied, failedAt):0.00} violations={optimised.Violations(applied, failedAt)} rollbacks={rollbacksBefore}"));
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
                $"COOLING-FAILURE violations={optimised.Violations(failedAt, end)} rollbacks={rollbacksAfter} max_inlet_c={optimised.MaxInletC(failedAt, end):0.00}"));
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

    /// <summary>
    /// Offline: the simulator records the warm-up, the models' optimiser recommends from that recording as the silo
    /// would, and the simulator runs the world again with the recommended settings from the end of the warm-up and, when
    /// a unit fails, the loop's response to it (the room's other units to full cooling) <see cref="CoolingEvaluationPlan.ResponseS"/>
    /// later. Returns the predicted saving, %.
    /// </summary>
    private static async Task<double> RunOfflineAsync(CoolingEvaluationPlan plan, string topology, string[] failure, string? failing, string truth,
        CancellationToken cancellationToken)
    {
        var recording = Path.Combine(plan.Folder, "warm-up.jsonl");
        Console.Error.WriteLine(Invariant($"eval: offline: recording the warm-up ({plan.WarmUpS:0} simulated s at {plan.IntervalS:0} s)"));
        // Components (CPUs, disks, fans, PSUs) say nothing the room model reads: published rarely, the recording stays small.
        await LocalSimulator.RunAsync([.. plan.World(topology), "--no-broker", "--record", recording, "--interval", Text(plan.IntervalS),
            "--component-interval", Text(plan.WarmUpS), "--duration", Text(plan.WarmUpS)], Log(plan), cancellationToken);
        var document = DigitalTwin.Topology.TopologyFile.Load(topology).Document ?? throw new InvalidOperationException($"{topology}: not a topology");
        var layouts = TopologyThermalLayout.Build(document.Twins);
        var wanted = layouts.SelectMany(l => l.ServerRacks.Keys.Concat(l.Cracs.Select(c => c.Id))).ToHashSet(StringComparer.Ordinal);
        var readings = TelemetryRecording.Read(recording, out _, wanted.Contains);
        // The silo's defaults (CoolingOptions): 27 °C less 1 K, cold air at 1.3× the draw, N+1 against 32 °C less 2 K with
        // the loop's response, and the air floor after a loss as the eval gives it.
        var constraints = new CoolingConstraints(InletLimitC: 27, SafetyMarginK: 1, MaxSetpointStepK: 1000, MaxFanStepPct: 1000, MinColdAirShare: 1.3,
            FailureLimitC: plan.FailureLimitC, Response: new FailureResponse(DetectionS: plan.ResponseS), FailureColdAirShare: plan.FailureColdAirShare,
            FailureMarginK: 2);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var answers = RecordedCoolingOptimisation.Recommend(layouts, readings, plan.At(plan.WarmUpS), constraints, TimeSpan.FromHours(3));
        double before = 0, after = 0;
        var commands = new List<string>();
        foreach (var (layout, found, calibration) in answers)
        {
            before += found.CoolingPowerBeforeW;
            after += found.CoolingPowerAfterW;
            Console.Error.WriteLine(Invariant($"eval: {layout.RoomId}: predicted {found.CoolingPowerBeforeW / 1000:0.00} → {found.CoolingPowerAfterW / 1000:0.00} kW ({found.PredictedSavingPct:0.0} %); ") +
                string.Join(", ", found.Current.Zip(found.Recommended).Select(p => Invariant($"{p.First.CracId} {p.First.SetpointC:0.#}→{p.Second.SetpointC:0.#} °C {p.First.FanPct:0}→{p.Second.FanPct:0} %"))));
            Console.Error.WriteLine($"eval: {layout.RoomId}: {found.Method}; calibrated: {calibration}");
            foreach (var check in found.FailureChecks)
            {
                Console.Error.WriteLine(Invariant($"eval: {layout.RoomId}: losing {check.FailedCracId}: peak {check.TransientPeakC:0.0} °C at {check.TransientPeakRackId}") +
                    (check.TimeToCriticalS is { } s ? Invariant($", 32 °C after {s:0} s") : "") + Invariant($" (nobody responding: {check.HighestInletC:0.0} °C)"));
            }
            foreach (var setting in found.Recommended)
            {
                commands.AddRange(["--command-at", Invariant($"{plan.WarmUpS}:{setting.CracId}:set_setpoint:{setting.SetpointC}"),
                    "--command-at", Invariant($"{plan.WarmUpS}:{setting.CracId}:set_fan_speed:{setting.FanPct}")]);
            }
            if (failing is not null && layout.Cracs.Any(c => c.Id == failing))
            {
                foreach (var crac in layout.Cracs.Where(c => c.Id != failing))
                {
                    var at = plan.MeasureToS + plan.ResponseS;
                    commands.AddRange(["--command-at", Invariant($"{at}:{crac.Id}:set_setpoint:{crac.SetpointMinC}"), "--command-at", Invariant($"{at}:{crac.Id}:set_fan_speed:100")]);
                }
            }
        }
        Console.Error.WriteLine(Invariant($"eval: offline: optimised in {started.Elapsed.TotalSeconds:0.0} s; running the world again with the recommended settings from {plan.WarmUpS:0} s") +
            (failing is null ? "" : Invariant($", {failing} failing at {plan.MeasureToS:0} s and its room's other units to full cooling {plan.ResponseS:0} s later")));
        await LocalSimulator.RunAsync([.. plan.World(topology), .. failure, .. commands, "--no-broker", "--truth", truth, "--duration", Text(plan.EndS)], Log(plan), cancellationToken);
        return before > 0 ? 100 * (before - after) / before : 0;
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
