using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Cli.Evaluation;
using DigitalTwin.Evaluation.Cooling;
using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval whatif</c>: the what-if judged against the world. A silo of its own mirrors the data-centre simulator
/// on one accelerated clock long enough to calibrate; then the twin is asked what a CRAC failure would do, the CRAC is
/// failed in the simulator, and the answer is compared with the simulator's ground truth: when the first rack really
/// crossed its limit, and every rack's true hottest inlet over the horizon.
/// </summary>
internal static class EvalWhatIfCommand
{
    /// <summary>Fewest cases a sweep runs.</summary>
    private const int MinimumSweepCases = 10;

    /// <summary>The default simulated start: a weekday morning (Tuesday 10:00 UTC).</summary>
    private static readonly DateTimeOffset DefaultEpoch = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated data centre.", DefaultValueFactory = _ => 1 };
        var servers = new Option<int>("--servers") { Description = "Servers in the simulated data centre.", DefaultValueFactory = _ => 240 };
        var rooms = new Option<int>("--rooms") { Description = "Rooms in the simulated data centre.", DefaultValueFactory = _ => 2 };
        var fail = new Option<string>("--fail") { Description = "The CRAC to fail (default: the first CRAC of the first room)." };
        var load = new Option<double>("--load") { Description = "Factor on every server's utilisation (1: as generated).", DefaultValueFactory = _ => 1 };
        var timeScale = new Option<double>("--time-scale") { Description = "Simulated seconds per real second.", DefaultValueFactory = _ => 40 };
        var interval = new Option<double>("--interval") { Description = "Simulated seconds between telemetry batches.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<double>("--warmup") { Description = "Simulated hours the twin mirrors the world before it is asked (calibration).", DefaultValueFactory = _ => 3 };
        var epoch = new Option<DateTimeOffset>("--epoch")
        {
            Description = "Simulated start (ISO 8601): the workload follows the time of day, so a fixed start gives the same figures whenever the evaluation runs. Default a weekday morning; the failure comes after the warm-up, early in the afternoon.",
            DefaultValueFactory = _ => DefaultEpoch,
        };
        var horizon = new Option<double>("--horizon") { Description = "Seconds compared after the failure.", DefaultValueFactory = _ => 3600 };
        var sweep = new Option<bool>("--sweep") { Description = "Run at least ten cases (worlds of other seeds, loads and sizes, up to five CRAC failures each, until ten) and print WHATIF-SWEEP." };
        var recording = new Option<string>("--recording") { Description = "Offline: judge the model against this telemetry recording (JSON lines {\"ts\",\"topic\",\"payload\"}, from any simulator or data centre) instead of running one; needs --topology, --fail and --fault-at." };
        var topology = new Option<string>("--topology") { Description = "Offline: the recording's topology file." };
        var faultAt = new Option<DateTimeOffset?>("--fault-at") { Description = "Offline: when the --fail CRAC failed in the recording (ISO 8601)." };
        var calibrationWindow = new Option<double>("--calibration-window")
        {
            Description = "Offline: hours of telemetry before the failure the calibration reads, as the twin's Scenarios:CalibrationWindow does (0: all of it).",
            DefaultValueFactory = _ => 3,
        };
        var calibrationBin = new Option<double>("--calibration-bin")
        {
            Description = "Offline: the calibration history's grid in seconds (the twin's scenarios read its one-minute means).",
            DefaultValueFactory = _ => 60,
        };
        var series = new Option<string?>("--series")
        {
            Description = "Offline: print this rack's predicted and recorded inlet at every step to stderr (\"first\": the rack that crossed first, else the hottest).",
        };
        var command = new Command("whatif", "Run the simulator and a silo together, ask the twin what a CRAC failure would do, fail it in the simulator and print WHATIF (and WHATIF-SWEEP); or, with --recording, judge the model against recorded telemetry.")
        {
            seed, servers, rooms, fail, load, timeScale, interval, warmup, epoch, horizon, sweep, recording, topology, faultAt, calibrationWindow, calibrationBin, series,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(recording) is { } recorded)
            {
                if (parse.GetValue(topology) is not { } topologyPath || parse.GetValue(fail) is not { } failed || parse.GetValue(faultAt) is not { } at)
                {
                    Console.Error.WriteLine("dt eval whatif: --recording needs --topology, --fail and --fault-at");
                    return 2;
                }
                if (!File.Exists(recorded) || !File.Exists(topologyPath))
                {
                    Console.Error.WriteLine($"dt eval whatif: no such file: {(File.Exists(recorded) ? topologyPath : recorded)}");
                    return 2;
                }
                var (windowH, binS) = (parse.GetValue(calibrationWindow), parse.GetValue(calibrationBin));
                if (windowH < 0 || binS is < 1 or > 600)
                {
                    Console.Error.WriteLine("dt eval whatif: --calibration-window must be at least 0 h and --calibration-bin between 1 and 600 s");
                    return 2;
                }
                return EvalWhatIfRecording.Run(recorded, topologyPath, failed, at, parse.GetValue(horizon), 10,
                    windowH > 0 ? TimeSpan.FromHours(windowH) : null, TimeSpan.FromSeconds(binS), parse.GetValue(series));
            }
            var settings = new WhatIfSettings(parse.GetValue(warmup) * 3600, parse.GetValue(horizon));
            if (settings.WarmupS < 0 || settings.HorizonS is < 60 or > 86_400)
            {
                Console.Error.WriteLine("dt eval whatif: --warmup must be at least 0 and --horizon between 60 and 86400 s");
                return 2;
            }
            // Components' readings play no part in a room's thermal answer: they report every ten simulated minutes.
            var world = new WorldOptions(parse.GetValue(servers), parse.GetValue(rooms), parse.GetValue(seed), parse.GetValue(timeScale), parse.GetValue(interval), parse.GetValue(load),
                ComponentIntervalS: 600, Epoch: parse.GetValue(epoch));
            if (world.Servers < 1 || world.Rooms < 1 || world.TimeScale <= 0 || world.IntervalS <= 0 || world.Load is <= 0 or > 3)
            {
                Console.Error.WriteLine("dt eval whatif: --servers and --rooms at least 1, --time-scale and --interval above 0, --load in (0, 3]");
                return 2;
            }
            try
            {
                var scores = new List<WhatIfScore>();
                if (parse.GetValue(sweep))
                {
                    // Worlds of other seeds, loads, sizes and times of day, up to five CRAC failures each, until at least ten
                    // cases: a small data centre has two units a room (two worlds give eight), and in the 240-server rooms
                    // no loss takes a rack to its limit, so the third world is the demo's size, whose middle units' losses
                    // do; it starts eight hours later, so its failures come from the evening into the night's lighter load,
                    // where a room sits nearer its tipping point than in the afternoon's peak.
                    var worlds = new[]
                    {
                        world,
                        world with { Seed = world.Seed + 1, Load = world.Load * 1.2 },
                        world with { Seed = world.Seed + 2, Servers = Math.Max(world.Servers, 500), Epoch = world.Epoch + TimeSpan.FromHours(8) },
                    };
                    foreach (var other in worlds.TakeWhile(_ => scores.Count < MinimumSweepCases))
                    {
                        scores.AddRange(await RunWorldAsync(other, settings, null, 5, cancellationToken));
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"WHATIF-SWEEP cases={scores.Count} mean_abs_error_pct={scores.Average(s => Math.Abs(s.ErrorPct)):F1} max_abs_error_pct={scores.Max(s => Math.Abs(s.ErrorPct)):F1}"));
                }
                else
                {
                    await RunWorldAsync(world, settings, parse.GetValue(fail), 1, cancellationToken);
                }
                return 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt eval whatif: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private sealed record WhatIfSettings(double WarmupS, double HorizonS)
    {
        public double StepS => 10;
        // After a failure the room is given as long again to recover before the next case in the same world.
        public double RecoveryS => HorizonS;
    }

    private static async Task<List<WhatIfScore>> RunWorldAsync(WorldOptions options, WhatIfSettings settings, string? only, int cases, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: world seed={options.Seed} servers={options.Servers} rooms={options.Rooms} load={options.Load} time-scale={options.TimeScale} epoch={options.Epoch:O}"));
        await using var world = await SimulatedWorld.StartAsync(options, cancellationToken);
        var cracs = (await world.TwinsAsync("crac", cancellationToken)).OrderBy(c => c.ParentId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (only is not null && !cracs.Any(c => c.Id == only)) throw new ArgumentException($"--fail {only}: no such CRAC (the world has {string.Join(", ", cracs.Select(c => c.Id))})");
        // Spread the cases over the rooms: every room's first CRAC, then every room's second, and so on.
        var order = only is not null ? cracs.Where(c => c.Id == only).ToList()
            : cracs.GroupBy(c => c.ParentId).SelectMany(g => g.Select((c, i) => (c, i))).OrderBy(x => x.i).Select(x => x.c).Take(cases).ToList();
        await world.WaitUntilAsync(settings.WarmupS, cancellationToken, "mirroring to calibrate");
        var scores = new List<WhatIfScore>();
        foreach (var (crac, room) in order)
        {
            var score = await RunCaseAsync(world, crac, room!, settings, cancellationToken);
            scores.Add(score);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eval: seed={options.Seed} load={options.Load} {crac} fails in {room}: first rack predicted {score.PredictedRackId ?? "none"}, actual {score.ActualRackId ?? "none"}; {score.Samples} inlet samples"));
            foreach (var rack in score.Racks.OrderBy(r => r.ActualS ?? double.MaxValue).ThenByDescending(r => r.ActualPeakC).Take(6))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"eval:   {rack.Id}: to limit predicted {Seconds(rack.PredictedS)} s, actual {Seconds(rack.ActualS)} s; peak predicted {rack.PredictedPeakC:F1} °C, actual {rack.ActualPeakC:F1} °C; inlet MAE {rack.InletMaeC:F2} °C"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WHATIF predicted_s={Seconds(score.PredictedS)} actual_s={Seconds(score.ActualS)} error_pct={score.ErrorPct:F1} inlet_mae_c={score.InletMaeC:F2}"));
            if (crac != order[^1].Id) await world.WaitUntilAsync(world.ElapsedS + settings.RecoveryS, cancellationToken, "recovering");
        }
        return scores;
    }

    private static async Task<WhatIfScore> RunCaseAsync(SimulatedWorld world, string crac, string room, WhatIfSettings settings, CancellationToken cancellationToken)
    {
        var asked = world.Clock.GetUtcNow();
        var id = $"eval-{Environment.ProcessId}-{crac}-{(long)world.ElapsedS}";
        using var response = await world.Http.PostAsJsonAsync($"api/scenarios?id={id}",
            new { rootId = room, fail = new[] { crac }, horizonS = settings.HorizonS, stepS = settings.StepS }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"the twin refused the scenario: {(int)response.StatusCode} {body}"
            + ((int)response.StatusCode >= 500 ? $"{Environment.NewLine}silo log:{Environment.NewLine}{world.Silo.Tail()}" : ""));
        // The world now does what the twin was asked about.
        await world.InjectFaultAsync("crac_failure", crac, settings.HorizonS, cancellationToken);
        using var answer = JsonDocument.Parse(body);
        var step = answer.RootElement.GetProperty("stepS").GetDouble();
        var predicted = answer.RootElement.GetProperty("racks").EnumerateArray().Select(r => new PredictedRack(
            r.GetProperty("id").GetString()!,
            r.GetProperty("limitC").GetDouble(),
            r.GetProperty("timeToLimitS").ValueKind == JsonValueKind.Number ? r.GetProperty("timeToLimitS").GetDouble() : null,
            r.GetProperty("series").EnumerateArray().Select(v => v.GetDouble()).ToList())).ToList();
        using (await world.Http.DeleteAsync($"api/scenarios/{id}", cancellationToken)) { }

        DateTimeOffset? start = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (start is null)
        {
            start = File.Exists(world.TruthPath)
                ? SimulatorTruth.Read(world.TruthPath).Faults.Where(f => f.Kind == "crac_failure" && f.Target == crac && f.At >= asked).Select(f => (DateTimeOffset?)f.At).FirstOrDefault()
                : null;
            if (start is null && DateTime.UtcNow > deadline) throw new TimeoutException($"the simulator never recorded the failure of {crac}: {world.Silo.Tail()}");
            if (start is null) await Task.Delay(250, cancellationToken);
        }
        var lag = (start.Value - asked).TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"eval: {crac} failed {lag:F0} simulated s after the twin was asked; waiting {settings.HorizonS:F0} s"));
        await world.WaitUntilAsync((start.Value - world.Clock.Epoch).TotalSeconds + settings.HorizonS + 30, cancellationToken, $"{crac} failed");
        var observed = SimulatorTruth.Read(world.TruthPath).Samples
            .Select(s => new ObservedInlets((s.At - start.Value).TotalSeconds, s.RackMaxInletC)).ToList();
        return WhatIfScore.Compare(predicted, observed, step, settings.HorizonS);
    }

    private static string Seconds(double? s) => s is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "none";
}
