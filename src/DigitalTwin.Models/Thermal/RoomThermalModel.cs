namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A transient zonal thermal model of one room. Each CRAC's air is shared among the racks by affinity (cooling list
/// and floor distance) and by what each rack draws; a rack whose share of cold air falls short of what its servers
/// draw breathes room air instead, on top of a baseline recirculation. The room's hot air is one node whose heat
/// capacity is its air and the structure that takes part; each rack's equipment is a node of its own that its air
/// passes through. CRACs hold their supply setpoint up to a capacity that grows with return temperature and falls
/// with airflow; a saturated unit supplies warmer air. CRAC power is compressor (better with warmer supply) plus
/// fan (∝ speed³).
/// </summary>
/// <remarks>Plain arithmetic on a few arrays: an hour at 10 s steps for a room of 24 racks takes well under a
/// millisecond. The model is immutable; every call works on its own copy of the state, so one model can serve
/// concurrent simulations.</remarks>
public sealed class RoomThermalModel
{
    /// <summary>A model of <paramref name="room"/> with <paramref name="parameters"/> (from
    /// <see cref="ThermalDefaults.For"/> or <see cref="ThermalCalibrator.Calibrate"/>).</summary>
    public RoomThermalModel(ThermalRoom room, ThermalParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.RoomHeatCapacityJPerK <= 0) throw new ArgumentException("room heat capacity must be above 0", nameof(parameters));
        foreach (var crac in room.Cracs)
            if (crac.CoolingCapacityW <= 0) throw new ArgumentException($"{crac.Id}: cooling capacity must be above 0", nameof(room));
        foreach (var rack in room.Racks)
            if (rack.ItPowerW < 0 || !double.IsFinite(rack.ItPowerW)) throw new ArgumentException($"{rack.Id}: IT power must be finite and not negative", nameof(room));
        Room = room;
        Parameters = parameters;
    }

    /// <summary>The room as described.</summary>
    public ThermalRoom Room { get; }

    /// <summary>The parameters in use, with where each came from.</summary>
    public ThermalParameters Parameters { get; }

    /// <summary>The steady state of the room as described (every CRAC at its setpoint and fan speed as far as its
    /// capacity allows, every rack at its IT power).</summary>
    public ThermalOperatingPoint SteadyState()
    {
        var plant = new ThermalPlant(Room, Parameters);
        var steady = plant.SettleToSteadyState();
        return Describe(plant, steady);
    }

    /// <summary>
    /// Runs the room forward from its steady state under <paramref name="perturbations"/> (each at its own time).
    /// </summary>
    /// <param name="perturbations">Changes to apply, in any order; several may share a time.</param>
    /// <param name="horizonS">How far to run, s (above 0).</param>
    /// <param name="stepS">Spacing of the returned series, s (above 0). The model sub-steps internally as its time
    /// constants need, so the step only sets the resolution of the answer.</param>
    /// <param name="present">The room's readings now, to start from where it is rather than from its steady state;
    /// null to start from the steady state.</param>
    public ThermalSimulation Simulate(IReadOnlyList<ThermalPerturbation> perturbations, double horizonS = 3600, double stepS = 10, ThermalPresent? present = null)
    {
        ArgumentNullException.ThrowIfNull(perturbations);
        if (!(horizonS > 0) || !double.IsFinite(horizonS)) throw new ArgumentOutOfRangeException(nameof(horizonS), "horizon must be above 0");
        if (!(stepS > 0) || !double.IsFinite(stepS)) throw new ArgumentOutOfRangeException(nameof(stepS), "step must be above 0");
        var plant = new ThermalPlant(Room, Parameters);
        plant.SettleToSteadyState();
        plant.StartTransient();
        if (present is not null) plant.StartFrom(present);
        var pending = perturbations.OrderBy(p => p.AtS).ToList();
        var steps = (int)Math.Ceiling(horizonS / stepS - 1e-9);
        var recorder = new ThermalRecorder(steps + 1);
        var time = 0.0;
        var next = ApplyDue(plant, pending, 0, time);
        plant.Evaluate(plant.ReturnC);
        recorder.Record(plant, time);
        for (var k = 1; k <= steps; k++)
        {
            var end = Math.Min(k * stepS, horizonS);
            while (time < end - 1e-9)
            {
                var until = next < pending.Count ? Math.Min(end, pending[next].AtS) : end;
                if (until <= time) until = end;
                var dt = Math.Min(until - time, plant.StableStepS());
                plant.Advance(dt);
                time += dt;
                next = ApplyDue(plant, pending, next, time);
            }
            plant.Evaluate(plant.ReturnC);
            recorder.Record(plant, time);
        }
        return recorder.Finish(plant);
    }

    private static int ApplyDue(ThermalPlant plant, List<ThermalPerturbation> pending, int next, double time)
    {
        while (next < pending.Count && pending[next].AtS <= time + 1e-9)
        {
            Apply(plant, pending[next], time);
            next++;
        }
        return next;
    }

    private static void Apply(ThermalPlant plant, ThermalPerturbation perturbation, double time)
    {
        switch (perturbation)
        {
            case CracFailure f: plant.Running[CracIndex(plant, f.CracId)] = false; break;
            case CracRestart r: plant.Running[CracIndex(plant, r.CracId)] = true; break;
            case CracSetpointChange s: plant.SetpointC[CracIndex(plant, s.CracId)] = s.SetpointC; break;
            case CracFanSpeedChange f: plant.FanPct[CracIndex(plant, f.CracId)] = Math.Clamp(f.FanPct, 0, 100); break;
            case RackPowerChange p:
                if (p.ItPowerW < 0 || !double.IsFinite(p.ItPowerW)) throw new ArgumentException($"{p.RackId}: IT power must be finite and not negative");
                plant.RackPowerW[RackIndex(plant, p.RackId)] = p.ItPowerW;
                break;
            case RackAddition a:
                if (plant.RackIndex(a.Rack.Id) >= 0) throw new ArgumentException($"{a.Rack.Id}: the room already has this rack");
                plant.AddRack(a.Rack, a.Parameters, time);
                break;
            default: throw new ArgumentException($"unknown perturbation {perturbation.GetType().Name}");
        }
    }

    private static int CracIndex(ThermalPlant plant, string id)
    {
        var index = plant.CracIndex(id);
        return index >= 0 ? index : throw new ArgumentException($"{id}: no such CRAC in the room");
    }

    private static int RackIndex(ThermalPlant plant, string id)
    {
        var index = plant.RackIndex(id);
        return index >= 0 ? index : throw new ArgumentException($"{id}: no such rack in the room");
    }

    internal static ThermalOperatingPoint Describe(ThermalPlant plant, bool steady)
    {
        var inlets = new Dictionary<string, double>(StringComparer.Ordinal);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < plant.Racks.Count; j++)
        {
            inlets[plant.Racks[j].Id] = plant.ReportedInlet(j);
            shares[plant.Racks[j].Id] = plant.RackSupplyShare[j];
        }
        var cracs = Enumerable.Range(0, plant.Cracs.Length).Select(plant.Describe).ToList();
        return new ThermalOperatingPoint(plant.ReturnC, inlets, shares, cracs, steady);
    }
}
