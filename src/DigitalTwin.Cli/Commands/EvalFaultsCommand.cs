using System.CommandLine;
using System.Globalization;
using DigitalTwin.Cli.Evaluation;
using DigitalTwin.Evaluation.Cooling;
using DigitalTwin.Evaluation.Faults;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt eval faults</c>: the twin's alerts, incidents and predictions judged against injected faults. A silo of its
/// own mirrors the data-centre simulator on one accelerated clock for days, the simulator injecting a random fault
/// schedule from the seed (several of each kind) and recording the ground truth; the evaluation watches the twin as an
/// operator would (change feeds, predictions) and scores it with <see cref="FaultScoring"/>.
/// </summary>
internal static class EvalFaultsCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated data centre, its workload and its fault schedule.", DefaultValueFactory = _ => 1 };
        var servers = new Option<int>("--servers") { Description = "Servers in the simulated data centre.", DefaultValueFactory = _ => 48 };
        var rooms = new Option<int>("--rooms") { Description = "Rooms in the simulated data centre.", DefaultValueFactory = _ => 2 };
        var days = new Option<double>("--days") { Description = "Simulated days to run (faults are spread over them).", DefaultValueFactory = _ => 7 };
        var timeScale = new Option<double>("--time-scale") { Description = "Simulated seconds per real second.", DefaultValueFactory = _ => 480 };
        var interval = new Option<double>("--interval") { Description = "Simulated seconds between telemetry batches.", DefaultValueFactory = _ => 60 };
        var warmup = new Option<double>("--warmup") { Description = "Simulated hours at the start left out of the false-alert count (the twins' detectors learn).", DefaultValueFactory = _ => 1 };
        var command = new Command("faults",
            "Run the simulator with a random fault schedule and a silo together for days on an accelerated clock, and score alerts, "
            + "incidents and predictions against the ground truth: one FAULTS-KIND line per fault kind and a FAULTS line.")
        {
            seed, servers, rooms, days, timeScale, interval, warmup,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runDays = parse.GetValue(days);
            var warmupH = parse.GetValue(warmup);
            var options = new WorldOptions(parse.GetValue(servers), parse.GetValue(rooms), parse.GetValue(seed), parse.GetValue(timeScale), parse.GetValue(interval),
                SimulatorArguments: string.Create(CultureInfo.InvariantCulture, $"--fault-schedule random --fault-days {runDays}"),
                SiloSettings: new Dictionary<string, string>
                {
                    // Cadences run in real time: on an accelerated clock they must be short, or alerts open and close between two incident passes.
                    ["DigitalTwin:Twins:IncidentInterval"] = "00:00:00.250",
                    ["DigitalTwin:Twins:RollupInterval"] = "00:00:00.250",
                });
            if (options.Servers < 4 || options.Rooms < 1 || runDays is < 1 or > 60 || options.TimeScale <= 0 || options.IntervalS <= 0 || warmupH < 0 || warmupH >= runDays * 24)
            {
                Console.Error.WriteLine("dt eval faults: --servers at least 4, --rooms at least 1, --days in [1, 60], --time-scale and --interval above 0, --warmup in [0, days)");
                return 2;
            }
            try
            {
                var report = await RunAsync(options, runDays, warmupH, cancellationToken);
                foreach (var line in report.Lines()) Console.WriteLine(line);
                return 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"dt eval faults: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<FaultReport> RunAsync(WorldOptions options, double days, double warmupH, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: world seed={options.Seed} servers={options.Servers} rooms={options.Rooms} days={days} time-scale={options.TimeScale} interval={options.IntervalS} s"));
        await using var world = await SimulatedWorld.StartAsync(options, cancellationToken);
        var plant = new PlantMap(await world.TopologyAsync(cancellationToken));
        var observer = new FaultObserver(world);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = observer.RunAsync(TimeSpan.FromSeconds(2), stop.Token);
        var end = days * 86_400;
        await world.WaitUntilAsync(end, cancellationToken, "running with faults");
        await stop.CancelAsync();
        await watching;
        await observer.SweepAsync(cancellationToken);
        // Whether the twin kept up with the accelerated world: readings refused or dropped would show here.
        Console.Error.WriteLine($"eval: ingestion {await world.Http.GetStringAsync("api/ingestion/stats", cancellationToken)}");

        var truth = SimulatorTruth.Read(world.TruthPath);
        var from = world.Clock.Epoch + TimeSpan.FromHours(warmupH);
        var to = world.Clock.Epoch + TimeSpan.FromSeconds(end);
        var report = new FaultScoring(plant).Score(truth.Injected, observer.Alerts, observer.Incidents, observer.Predictions, from, to);
        Describe(report, observer, plant, world.Clock.Epoch);
        return report;
    }

    private static void Describe(FaultReport report, FaultObserver observer, PlantMap plant, DateTimeOffset epoch)
    {
        string H(DateTimeOffset at) => ((at - epoch).TotalHours).ToString("F2", CultureInfo.InvariantCulture);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: seen {observer.Alerts.Count} alerts, {observer.Incidents.Count} incidents, {observer.Predictions.Select(p => p.TwinId).Distinct().Count()} twins with maintenance actions; feed dropped {observer.Dropped}"));
        foreach (var o in report.Outcomes)
        {
            var how = o.Fault.IsDegradation ? string.Create(CultureInfo.InvariantCulture, $"lead {o.LeadH:F1} h") : o.DelayS is { } d ? string.Create(CultureInfo.InvariantCulture, $"delay {d:F0} s") : "missed";
            var alert = o.FirstAlert is { } a ? $"first alert {a.AlertKind} {a.TwinId}/{a.Metric} at {H(a.FirstSeen)} h" : "no alert";
            var cause = o.Incident is { } i ? $"incident {i.Cause} {i.CauseTwinId}" : "no incident";
            Console.Error.WriteLine($"eval: {o.Fault.Kind} {o.Fault.Target} at {H(o.Fault.Start)} h: {(o.Detected ? "detected" : "MISSED")}, {how}; {alert}; {cause}{(o.CauseRight == false ? " (WRONG CAUSE)" : "")}");
            if (o.Detected) continue;
            // What the twin did say there, from a day before: an alert still open from earlier holds back a new one.
            var scope = FaultScope.Of(o.Fault, plant);
            foreach (var near in observer.Alerts.Where(a => a.FirstSeen >= o.Fault.Start.AddDays(-1) && a.FirstSeen <= (o.Fault.End ?? o.Fault.Start).AddHours(1)
                && scope.DetectionRoots.Any(r => plant.IsWithin(a.TwinId, r))).OrderBy(a => a.FirstSeen).Take(8))
            {
                Console.Error.WriteLine($"eval:   nearby alert {near.AlertKind} {near.TwinId}/{near.Metric} at {H(near.FirstSeen)} h");
            }
        }
        foreach (var a in report.FalseAlerts.Take(40))
        {
            Console.Error.WriteLine($"eval: false alert {a.AlertKind} {a.TwinId}/{a.Metric} at {H(a.FirstSeen)} h");
        }
        foreach (var p in report.FalseActions.Take(20))
        {
            Console.Error.WriteLine($"eval: maintenance action no fault explains: {p.TwinId} '{p.Action}' at {H(p.At)} h");
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: {report.FalseAlerts.Count} false alerts over {report.FaultFreeTwinDays:F1} fault-free twin-days; {report.FalseActions.Count} twins given a maintenance action no fault explains"));
    }
}
