using System.CommandLine;
using System.Globalization;

namespace DataCentreSimulator.Running;

/// <summary>The simulator's command line (options in the README).</summary>
internal static class SimulatorCommandLine
{
    public static RootCommand Create(string[] args)
    {
        var topology = new Option<string>("--topology") { Description = "Simulate this topology file (YAML or JSON) instead of generating one." };
        var servers = new Option<int>("--servers") { Description = "Servers in a generated data centre.", DefaultValueFactory = _ => 500 };
        var rooms = new Option<int>("--rooms") { Description = "Rooms in a generated data centre.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of everything random: generated layout, workload, noise, random faults.", DefaultValueFactory = _ => 1 };
        var writeTopology = new Option<string>("--write-topology") { Description = "Write the simulated topology to this file; alone, write and exit." };
        var broker = new Option<string>("--broker") { Description = "MQTT broker host:port.", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var username = new Option<string>("--username") { Description = "MQTT user name." };
        var password = new Option<string>("--password") { Description = "MQTT password." };
        var clientId = new Option<string>("--client-id") { Description = "MQTT client id.", DefaultValueFactory = _ => "dt-simulator" };
        var interval = new Option<double>("--interval") { Description = "Publish every this many simulated seconds.", DefaultValueFactory = _ => 5 };
        var timeScale = new Option<double>("--time-scale") { Description = "Simulated seconds per real second.", DefaultValueFactory = _ => 1 };
        var epoch = new Option<string>("--epoch") { Description = "Simulated instant of the start (ISO 8601; default now)." };
        var anchor = new Option<string>("--clock-anchor") { Description = "Real instant that --epoch stands for (ISO 8601; default the start); give the silo the same." };
        var faults = new Option<string>("--faults") { Description = "Fault schedule file (YAML or JSON)." };
        var schedule = new Option<string>("--fault-schedule") { Description = "'random': several of each fault kind at random times from --seed over --fault-days." };
        var faultDays = new Option<double>("--fault-days") { Description = "Days the random schedule spans.", DefaultValueFactory = _ => 7 };
        var faultAt = new Option<string[]>("--fault-at") { Description = "<simulated s>:<kind>:<target>[:<duration s>], repeatable." };
        var commandAt = new Option<string[]>("--command-at") { Description = "<simulated s>:<crac>:<set_setpoint|set_fan_speed>:<value>, repeatable: a command as the twin would send it, at a time (offline what-ifs of settings)." };
        var truth = new Option<string>("--truth") { Description = "Write the ground truth (JSON lines) here." };
        var truthInterval = new Option<double>("--truth-interval") { Description = "Simulated seconds between true rack samples in the truth.", DefaultValueFactory = _ => 5 };
        var noBroker = new Option<bool>("--no-broker") { Description = "Offline: no MQTT, run as fast as the CPU allows (needs --duration)." };
        var record = new Option<string>("--record") { Description = "Offline: write every message as a JSON line {ts, topic, payload}." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many simulated seconds." };
        var parentPid = new Option<int?>("--parent-pid") { Description = "Stop when this process exits (the silo or evaluation that started the simulator)." };
        var load = new Option<double>("--load") { Description = "Factor on every server's utilisation (1: the generated workload; 1.3: 30 % busier).", DefaultValueFactory = _ => 1 };
        var componentInterval = new Option<double?>("--component-interval") { Description = "Publish components (CPUs, disks, fans, PSUs) every this many simulated seconds (default: --interval)." };
        var startOnInput = new Option<bool>("--start-on-input") { Description = "Settle and connect, then wait for a line on standard input before publishing (a host that imports the topology meanwhile says when its twins exist)." };
        var settle = new Option<double>("--settle") { Description = "Simulated seconds run before the start so the plant is in its steady state.", DefaultValueFactory = _ => 3600 };

        var root = new RootCommand("DataCentreSimulator: the physical data centre a DigitalTwin mirrors — physics, telemetry over MQTT, commands, faults and ground truth.");
        foreach (var option in new Option[] { topology, servers, rooms, seed, writeTopology, broker, username, password, clientId, interval, timeScale, epoch, anchor, faults, schedule, faultDays, faultAt, commandAt, truth, truthInterval, noBroker, record, duration, settle, parentPid, load, componentInterval, startOnInput })
        {
            root.Options.Add(option);
        }
        root.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var settings = new SimulatorSettings
                {
                    Topology = parse.GetValue(topology),
                    Servers = parse.GetValue(servers),
                    Rooms = parse.GetValue(rooms),
                    Seed = parse.GetValue(seed),
                    WriteTopology = parse.GetValue(writeTopology),
                    Broker = parse.GetValue(broker)!,
                    Username = parse.GetValue(username),
                    Password = parse.GetValue(password),
                    ClientId = parse.GetValue(clientId)!,
                    IntervalS = parse.GetValue(interval),
                    TimeScale = parse.GetValue(timeScale),
                    Epoch = Instant(parse.GetValue(epoch), "--epoch"),
                    ClockAnchor = Instant(parse.GetValue(anchor), "--clock-anchor"),
                    Faults = parse.GetValue(faults),
                    FaultSchedule = parse.GetValue(schedule),
                    FaultDays = parse.GetValue(faultDays),
                    FaultAt = parse.GetValue(faultAt) ?? [],
                    CommandAt = parse.GetValue(commandAt) ?? [],
                    Truth = parse.GetValue(truth),
                    TruthIntervalS = parse.GetValue(truthInterval),
                    NoBroker = parse.GetValue(noBroker),
                    Record = parse.GetValue(record),
                    DurationS = parse.GetValue(duration),
                    SettleS = parse.GetValue(settle),
                    LoadFactor = parse.GetValue(load),
                    ComponentIntervalS = parse.GetValue(componentInterval),
                    StartOnInput = parse.GetValue(startOnInput),
                };
                if (settings.Servers < 1 || settings.Rooms < 1) throw new ArgumentException("--servers and --rooms must be at least 1");
                var run = SimulatorRun.Create(settings);
                if (settings.WriteTopology is { } path)
                {
                    run.WriteTopology(path);
                    Console.WriteLine($"simulator: wrote {path}");
                    // Writing the topology alone is a complete job; with a broker or a recording asked for, the run goes on.
                    if (!settings.NoBroker && !args.Any(a => a.StartsWith("--broker", StringComparison.Ordinal))) return 0;
                }
                using var lifetime = ParentWatch.Link(parse.GetValue(parentPid), cancellationToken);
                return await run.RunAsync(lifetime.Token);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"simulator: {ex.Message}");
                return 2;
            }
        });
        return root;
    }

    private static DateTimeOffset? Instant(string? text, string option)
    {
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new ArgumentException($"{option} '{text}': expected an ISO 8601 instant such as 2026-01-05T00:00:00Z");
    }
}
