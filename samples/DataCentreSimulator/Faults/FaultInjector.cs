using DataCentreSimulator.Plant;
using DataCentreSimulator.Truth;

namespace DataCentreSimulator.Faults;

/// <summary>
/// Starts, progresses and ends faults in simulated time, acting on the plant (physics faults) or on what a sensor
/// reports (sensor faults), and records each in the ground truth with its simulated times.
/// </summary>
internal sealed class FaultInjector(PlantIndex plant, TruthLog truth)
{
    /// <summary>SMART reallocated sectors at which a degrading disk dies.</summary>
    public const double DiskFailureSectors = 500;
    /// <summary>Share of its speed a wearing fan has lost when it seizes.</summary>
    public const double FanWearAtFailure = 0.78;

    private readonly List<FaultSpec> _pending = [];
    private readonly List<ActiveFault> _active = [];
    private int _next;

    public IReadOnlyList<ActiveFault> Active => _active;

    /// <summary>Queues faults to start at their time (repeating ones are queued again when they start).</summary>
    public void Schedule(IEnumerable<FaultSpec> faults) => _pending.AddRange(faults);

    /// <summary>Checks a fault names a known kind and target; returns why not, or null.</summary>
    public string? Check(FaultSpec spec)
    {
        if (!FaultKinds.All.Contains(spec.Kind)) return $"unknown fault kind '{spec.Kind}' (known: {string.Join(", ", FaultKinds.All)})";
        var known = spec.Kind switch
        {
            FaultKinds.CracFailure => plant.Cracs.ContainsKey(spec.Target),
            FaultKinds.FanFailure => plant.Fans.ContainsKey(spec.Target) || plant.Servers.TryGetValue(spec.Target, out var s) && s.Fans.Count > 0,
            FaultKinds.DiskDegradation => plant.Disks.ContainsKey(spec.Target) || plant.Servers.TryGetValue(spec.Target, out var d) && d.Disks.Count > 0,
            FaultKinds.PsuFailure => plant.Psus.ContainsKey(spec.Target),
            FaultKinds.HotSpot => plant.Servers.ContainsKey(spec.Target),
            FaultKinds.WorkloadSpike => plant.ServersNamed(spec.Target).Count > 0,
            FaultKinds.PduFailure => plant.Site.Pdus.Any(p => p.Id == spec.Target),
            FaultKinds.UpsFailure => plant.Site.Upses.Any(u => u.Id == spec.Target),
            FaultKinds.FeedFailure => plant.Site.Upses.Any(u => u.Id == spec.Target || string.Equals(u.Path, spec.Target, StringComparison.OrdinalIgnoreCase)),
            _ => true,
        };
        return known ? null : $"no target '{spec.Target}' for {spec.Kind} in this data centre";
    }

    /// <summary>Starts, progresses and ends faults for simulated time <paramref name="nowS"/>.</summary>
    public void Advance(double nowS, DateTimeOffset epoch)
    {
        foreach (var spec in _pending.Where(p => p.AtS <= nowS).ToList())
        {
            _pending.Remove(spec);
            Start(spec, nowS, epoch);
            if (spec.EveryS is > 0 and var every) _pending.Add(spec with { AtS = spec.AtS + every });
        }
        foreach (var fault in _active.ToList())
        {
            Progress(fault, nowS, epoch);
            if (fault.EndS is { } end && nowS >= end) End(fault, nowS, epoch);
        }
    }

    /// <summary>Ends the active faults of <paramref name="kind"/> on <paramref name="target"/> (a clear on <c>sim/faults</c>).</summary>
    public int Clear(string kind, string target, double nowS, DateTimeOffset epoch)
    {
        var matching = _active.Where(f => f.Spec.Kind == kind && f.Spec.Target == target).ToList();
        foreach (var fault in matching) End(fault, nowS, epoch);
        return matching.Count;
    }

    /// <summary>A sensor fault on <paramref name="twinId"/>'s <paramref name="metric"/>, if one is active.</summary>
    public ActiveFault? SensorFault(string twinId, string metric)
    {
        foreach (var fault in _active)
        {
            if (fault.Spec.Kind is FaultKinds.StuckSensor or FaultKinds.DriftingSensor
                && fault.Spec.Target == twinId && (fault.Spec.Metric ?? DigitalTwin.Abstractions.Telemetry.MetricNames.InletTemperature) == metric)
            {
                return fault;
            }
        }
        return null;
    }

    private void Start(FaultSpec spec, double nowS, DateTimeOffset epoch)
    {
        var fault = new ActiveFault($"f-{++_next:0000}", spec, nowS);
        _active.Add(fault);
        Apply(fault, on: true);
        truth.FaultStarted(fault, epoch);
        // A fault with no ramp fails at once: its failure instant is its start.
        Progress(fault, nowS, epoch);
    }

    private void End(ActiveFault fault, double nowS, DateTimeOffset epoch)
    {
        _active.Remove(fault);
        Apply(fault, on: false);
        truth.FaultEnded(fault, nowS, epoch);
    }

    private void Progress(ActiveFault fault, double nowS, DateTimeOffset epoch)
    {
        if (fault.FailAtS is not { } failAt) return;
        var ramp = fault.Spec.RampS ?? 0;
        var progress = ramp <= 0 ? 1 : Math.Clamp((nowS - fault.StartS) / ramp, 0, 1);
        switch (fault.Spec.Kind)
        {
            case FaultKinds.FanFailure when FanOf(fault.Spec.Target) is { } fan:
                // Bearing wear: slow at first, then faster, until the fan seizes.
                fan.Wear = Math.Max(fan.Wear, FanWearAtFailure * Math.Pow(progress, 1.5));
                if (nowS >= failAt) fan.Failed = true;
                break;
            case FaultKinds.DiskDegradation when DiskOf(fault.Spec.Target) is { } disk:
                // Media wear shows as sectors remapped at a rate that grows until the disk gives up.
                disk.ReallocatedSectors = Math.Max(disk.ReallocatedSectors, Math.Floor(DiskFailureSectors * Math.Pow(progress, 3)));
                disk.PendingSectors = Math.Max(disk.PendingSectors, Math.Floor(DiskFailureSectors * 0.2 * Math.Pow(progress, 2)));
                if (nowS >= failAt) disk.Failed = true;
                break;
        }
        if (nowS >= failAt && !fault.FailureRecorded)
        {
            fault.FailureRecorded = true;
            truth.Failure(fault, failAt, epoch);
        }
    }

    private void Apply(ActiveFault fault, bool on)
    {
        var spec = fault.Spec;
        switch (spec.Kind)
        {
            case FaultKinds.CracFailure:
                plant.Cracs[spec.Target].Failed = on;
                break;
            case FaultKinds.PsuFailure:
                plant.Psus[spec.Target].Failed = on;
                break;
            case FaultKinds.HotSpot:
                plant.Servers[spec.Target].AirflowBlocked = on;
                break;
            case FaultKinds.WorkloadSpike:
                foreach (var server in plant.ServersNamed(spec.Target)) server.SpikeUtilisation = on ? (spec.Magnitude ?? 45) / 100 : 0;
                break;
            case FaultKinds.PduFailure:
                plant.Site.Pdus.First(p => p.Id == spec.Target).Failed = on;
                break;
            case FaultKinds.UpsFailure:
                plant.Site.Upses.First(u => u.Id == spec.Target).Failed = on;
                break;
            case FaultKinds.FeedFailure:
                foreach (var ups in plant.Site.Upses.Where(u => u.Id == spec.Target || string.Equals(u.Path, spec.Target, StringComparison.OrdinalIgnoreCase)))
                {
                    ups.InputLost = on;
                }
                break;
            case FaultKinds.FanFailure when !on && FanOf(spec.Target) is { } fan:
                // Ending a fan fault is the replacement: a new fan.
                fan.Failed = false;
                fan.Wear = 0;
                break;
            case FaultKinds.DiskDegradation when !on && DiskOf(spec.Target) is { } disk:
                disk.Failed = false;
                disk.ReallocatedSectors = disk.PendingSectors = 0;
                break;
        }
    }

    private Fan? FanOf(string target) =>
        plant.Fans.TryGetValue(target, out var fan) ? fan : plant.Servers.TryGetValue(target, out var s) ? s.Fans.FirstOrDefault() : null;

    private Disk? DiskOf(string target) =>
        plant.Disks.TryGetValue(target, out var disk) ? disk : plant.Servers.TryGetValue(target, out var s) ? s.Disks.FirstOrDefault() : null;
}
