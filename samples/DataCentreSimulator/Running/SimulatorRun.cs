using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DataCentreSimulator.Commands;
using DataCentreSimulator.Faults;
using DataCentreSimulator.Generation;
using DataCentreSimulator.Physics;
using DataCentreSimulator.Plant;
using DataCentreSimulator.Telemetry;
using DataCentreSimulator.Truth;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology;

namespace DataCentreSimulator.Running;

/// <summary>
/// One run: builds the plant, schedules faults, then steps the physics in simulated time and publishes every
/// interval — paced by the (scaled) clock against a broker, or as fast as the CPU allows offline.
/// </summary>
internal sealed class SimulatorRun
{
    private readonly SimulatorSettings _settings;
    private readonly TopologyDocument _topology;
    private readonly Simulation _simulation;
    private readonly PlantIndex _plant;
    private readonly TruthLog _truth;
    private readonly FaultInjector _faults;
    private readonly TelemetryComposer _composer;
    private readonly CommandHandler _commands;
    private readonly ClockLag _lag = new();
    // Component readings due in a batch that was skipped go out with the next one.
    private bool _componentsOwed;
    private bool _reportedOn;
    private readonly List<ScheduledCommand> _scheduled = [];
    private int _obeyed;

    private SimulatorRun(SimulatorSettings settings, TopologyDocument topology, DateTimeOffset epoch)
    {
        _settings = settings;
        _topology = topology;
        var site = PlantBuilder.Build(topology, settings.Seed);
        _simulation = new Simulation(site, epoch, settings.Seed, settings.LoadFactor);
        _plant = new PlantIndex(site);
        _truth = new TruthLog(settings.Truth);
        _faults = new FaultInjector(_plant, _truth);
        _composer = new TelemetryComposer(_plant, _faults, settings.Seed);
        _commands = new CommandHandler(_plant, _faults, _truth);
    }

    public Simulation Simulation => _simulation;

    /// <summary>Builds a run from settings; throws <see cref="ArgumentException"/> with a message for bad input.</summary>
    public static SimulatorRun Create(SimulatorSettings settings)
    {
        if (settings.IntervalS <= 0 || !double.IsFinite(settings.IntervalS)) throw new ArgumentException("--interval must be a number of simulated seconds above 0");
        if (!(settings.LoadFactor > 0) || settings.LoadFactor > 3 || !double.IsFinite(settings.LoadFactor)) throw new ArgumentException("--load must be a factor above 0 and at most 3 (1: the generated workload)");
        if (settings.ComponentIntervalS is { } c && (!(c > 0) || !double.IsFinite(c))) throw new ArgumentException("--component-interval must be a number of simulated seconds above 0");
        if (settings.TimeScale <= 0 || !double.IsFinite(settings.TimeScale)) throw new ArgumentException("--time-scale must be a number above 0");
        if (settings.NoBroker && settings.DurationS is null) throw new ArgumentException("--no-broker needs --duration <simulated s> (offline runs end)");
        var topology = LoadTopology(settings);
        var epoch = settings.Epoch ?? DateTimeOffset.UtcNow;
        epoch = DateTimeOffset.FromUnixTimeMilliseconds(epoch.ToUnixTimeMilliseconds());
        var run = new SimulatorRun(settings, topology, epoch);
        run.ScheduleFaults();
        run._scheduled.AddRange(settings.CommandAt.Select(ScheduledCommand.Parse).OrderBy(c => c.AtS));
        return run;
    }

    private static TopologyDocument LoadTopology(SimulatorSettings settings)
    {
        if (settings.Topology is null) return DataCentreGenerator.Generate(settings.Servers, settings.Rooms, settings.Seed);
        if (!File.Exists(settings.Topology)) throw new ArgumentException($"--topology {settings.Topology}: no such file");
        var parsed = TopologyFile.Load(settings.Topology);
        if (parsed.Document is null || parsed.Errors.Count > 0)
        {
            throw new ArgumentException($"--topology {settings.Topology}: {string.Join("; ", parsed.Errors.Take(5))}");
        }
        return parsed.Document;
    }

    private void ScheduleFaults()
    {
        var faults = new List<FaultSpec>();
        if (_settings.Faults is { } file)
        {
            if (!File.Exists(file)) throw new ArgumentException($"--faults {file}: no such file");
            try { faults.AddRange(FaultScheduleFile.Load(file)); }
            catch (Exception ex) when (ex is FormatException or YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
            {
                throw new ArgumentException($"--faults {file}: {ex.Message}");
            }
        }
        switch (_settings.FaultSchedule)
        {
            case null or "none":
                break;
            case "random":
                faults.AddRange(RandomFaultSchedule.Create(_plant, _settings.FaultDays, _settings.Seed));
                break;
            default:
                throw new ArgumentException($"--fault-schedule '{_settings.FaultSchedule}': use 'random' or 'none' (or --faults <file>)");
        }
        foreach (var text in _settings.FaultAt)
        {
            try { faults.Add(FaultScheduleFile.ParseShorthand(text)); }
            catch (FormatException ex) { throw new ArgumentException(ex.Message); }
        }
        foreach (var fault in faults)
        {
            if (_faults.Check(fault) is { } problem) throw new ArgumentException($"fault {fault.Kind} on {fault.Target} at {fault.AtS} s: {problem}");
        }
        _faults.Schedule(faults);
    }

    /// <summary>Writes the topology this run simulates (<c>--write-topology</c>).</summary>
    public void WriteTopology(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, TopologyFile.ToYaml(_topology));
    }

    /// <summary>Runs to the end (the duration, or until cancelled); returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settle = Stopwatch.StartNew();
        _simulation.Settle(_settings.SettleS);
        var settledMs = settle.ElapsedMilliseconds;
        try
        {
            if (_settings.NoBroker)
            {
                if (_settings.StartOnInput && !await StartSignalAsync(cancellationToken)) return 0;
                Started(settledMs);
                await using ITelemetrySink? sink = _settings.Record is { } record ? new RecordingSink(record) : null;
                await RunOfflineAsync(sink, cancellationToken);
            }
            else
            {
                var (host, port) = ParseBroker(_settings.Broker);
                await using var link = new MqttLink(host, port, _settings.Username, _settings.Password, _settings.ClientId);
                // Connected before the host's go, so the first readings leave the moment it comes.
                await link.ConnectAsync(cancellationToken);
                Console.WriteLine($"simulator: connected to {host}:{port}; publishing every {_settings.IntervalS.ToString(CultureInfo.InvariantCulture)} simulated s at time scale {_settings.TimeScale.ToString(CultureInfo.InvariantCulture)}");
                if (_settings.StartOnInput && !await StartSignalAsync(cancellationToken)) return 0;
                // On its own clock the run's simulated time starts now, when it starts publishing, so the fault schedule's
                // times count from the first readings the twin sees rather than from the start of settling (which may take
                // half a minute on a busy machine, and would otherwise be caught up in one burst). A given epoch is a
                // shared clock: kept.
                if (_settings.Epoch is null) _simulation.StartAt(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
                Started(settledMs);
                await RunOnlineAsync(link, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _truth.Dispose();
        }
        return 0;
    }

    private void Started(long settledMs)
    {
        var site = _simulation.Site;
        _truth.Started(_simulation.Epoch, _settings.Seed, site.Servers.Count, site.Racks.Count(), site.Cracs.Count(), _settings.IntervalS, _settings.TimeScale);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulator: {site.Servers.Count} servers, {site.Racks.Count()} racks, {site.Cracs.Count()} CRACs in {site.Rooms.Count} rooms; settled {_settings.SettleS:0} s in {settledMs} ms; epoch {_simulation.Epoch:O}"));
    }

    // The host's go: any line on standard input; the end of input (the host gone) means stop.
    private static async Task<bool> StartSignalAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine("simulator: settled; waiting for a line on standard input to start");
        try
        {
            return await Console.In.ReadLineAsync(cancellationToken) is not null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task RunOfflineAsync(ITelemetrySink? sink, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var duration = _settings.DurationS!.Value;
        var steps = 0L;
        while (_simulation.ElapsedS < duration && !cancellationToken.IsCancellationRequested)
        {
            await StepAsync(sink, cancellationToken);
            steps++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulator: {duration:0} simulated s in {steps} steps took {watch.Elapsed.TotalSeconds:0.0} s ({duration / Math.Max(0.001, watch.Elapsed.TotalSeconds):0} x real time)"));
    }

    private Task RunOnlineAsync(MqttLink link, CancellationToken cancellationToken) =>
        RunLiveAsync(link, link.Inbound, new ScaledTimeProvider(_simulation.Epoch, _settings.TimeScale, _settings.ClockAnchor), cancellationToken);

    /// <summary>
    /// Steps the physics along <paramref name="clock"/> (simulated time), handling commands and fault injections from
    /// <paramref name="inbound"/> between steps, and publishes to <paramref name="sink"/>.
    /// </summary>
    internal async Task RunLiveAsync(ITelemetrySink sink, ConcurrentQueue<InboundMessage> inbound, TimeProvider clock, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var target = (clock.GetUtcNow() - _simulation.Epoch).TotalSeconds;
            if (_settings.DurationS is { } duration && _simulation.ElapsedS >= duration) return;
            // Devices report once as they come on (the settled plant, once the clock reaches the run's start), then every
            // interval: the twin shows live values at once rather than an interval later. Components keep their own
            // cadence, so the first message carries only the servers, racks, CRACs and power the floor plan draws.
            if (!_reportedOn && target >= 0 && _simulation.ElapsedS == 0)
            {
                _reportedOn = true;
                await PublishAsync(sink, 0, components: false, cancellationToken);
            }
            // A run that fell behind its clock catches up, but never past its duration.
            while (_simulation.ElapsedS + Simulation.StepS <= target && !cancellationToken.IsCancellationRequested
                && !(_settings.DurationS is { } end && _simulation.ElapsedS >= end))
            {
                while (inbound.TryDequeue(out var message))
                {
                    if (_commands.Handle(message.Topic, message.Payload, _simulation.ElapsedS, _simulation.Epoch) is { } ack)
                    {
                        await sink.PublishAsync(ack.Topic, ack.Payload, _simulation.Now, cancellationToken);
                    }
                }
                await StepAsync(sink, cancellationToken, target);
            }
            _lag.Report();
            // Wake about every simulated step, and at least ten times a real second for commands.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(1000 / _settings.TimeScale, 5, 100)), cancellationToken);
        }
    }

    private async Task StepAsync(ITelemetrySink? sink, CancellationToken cancellationToken, double? targetS = null)
    {
        var before = _simulation.ElapsedS;
        _faults.Advance(before, _simulation.Epoch);
        while (_obeyed < _scheduled.Count && _scheduled[_obeyed].AtS <= before)
        {
            var command = _scheduled[_obeyed++];
            var (success, detail) = _commands.Obey(command, _obeyed, before, _simulation.Epoch);
            if (!success) Console.Error.WriteLine($"simulator: --command-at {command.TwinId} {command.Name} refused: {detail}");
        }
        _simulation.Step();
        var now = _simulation.ElapsedS;
        if (Crossed(before, now, _settings.TruthIntervalS)) _truth.Sample(_simulation);
        if (sink is null) return;
        if (_composer.ComposeChanges(now) is { Count: > 0 } changed)
        {
            foreach (var payload in TelemetryBatches.Pack(changed, _simulation.Now)) await sink.PublishAsync(TelemetryBatches.Topic, payload, _simulation.Now, cancellationToken);
        }
        if (!Crossed(before, now, _settings.IntervalS)) return;
        var components = Crossed(before, now, _settings.ComponentIntervalS ?? _settings.IntervalS) || _componentsOwed;
        // Behind the clock's present (as read before this run of steps) by an interval or more, because the broker
        // acknowledged slowly: a fresher batch is due before that present, so this one is not published. Devices
        // report what they measure now, as real ones do; queueing the past would fall further behind with every batch
        // until the twins refuse it all as stale. The last batch before that present always goes out, so a machine too
        // slow even for the physics still publishes.
        if (targetS is { } target && _lag.ShouldSkip(target - now, _settings.IntervalS))
        {
            _componentsOwed = components;
            return;
        }
        _componentsOwed = false;
        await PublishAsync(sink, now, components, cancellationToken);
    }

    private async Task PublishAsync(ITelemetrySink sink, double now, bool components, CancellationToken cancellationToken)
    {
        var ts = _simulation.Now;
        foreach (var payload in TelemetryBatches.Pack(_composer.Compose(now, components), ts))
        {
            await sink.PublishAsync(TelemetryBatches.Topic, payload, ts, cancellationToken);
        }
    }

    // Whether a multiple of the period lies in (before, now]: publishing keeps its own rhythm whatever the step.
    private static bool Crossed(double before, double now, double period) => Math.Floor(now / period) > Math.Floor(before / period);

    private static (string Host, int Port) ParseBroker(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"--broker '{text}': expected host:port");
        }
        return (text[..colon], port);
    }
}
