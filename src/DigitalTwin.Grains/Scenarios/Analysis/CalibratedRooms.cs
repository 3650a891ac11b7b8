using DigitalTwin.Grains.Scenarios.Plant;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Scenarios.Analysis;

/// <summary>
/// One thermal model per room (DigitalTwin.Models' <see cref="RoomThermalModel"/>), described from the unperturbed
/// fork and calibrated to the room's telemetry history where it allows (else topology defaults). A rack whose inlet
/// offset the history could not fit takes it from its latest reading, so the baseline starts where the room is. Every
/// run (baseline, scenario, mitigation, recovery) is the same model under the run's perturbations, started from the
/// room's present (each CRAC's latest supply and the swing its history shows).
/// </summary>
internal sealed class CalibratedRooms
{
    private readonly DataCentrePlant _unperturbed;
    private readonly Dictionary<string, RoomThermalModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ThermalPresent> _present = new(StringComparer.Ordinal);

    public CalibratedRooms(DataCentrePlant unperturbed, IReadOnlyDictionary<string, ThermalHistory> histories, DateTimeOffset now,
        RoomCalibrationCache? cache = null, TimeSpan maxAge = default)
    {
        _unperturbed = unperturbed;
        PowerChain.Apply(unperturbed);
        foreach (var room in unperturbed.Rooms.Values)
        {
            var thermal = Describe(room);
            ThermalParameters parameters;
            if (cache is not null && cache.TryGet(thermal, now, maxAge, out var cached, out var calibratedAt))
            {
                parameters = cached;
                unperturbed.Calibrated.Add($"{room.Id}: parameters fitted to its history at {calibratedAt:u}, reused for {(now - calibratedAt).TotalMinutes:0} min");
            }
            else if (histories.TryGetValue(room.Id, out var history) && history.TimesS.Count > 0)
            {
                parameters = ThermalCalibrator.Calibrate(thermal, history);
                if (parameters.AnyCalibrated) cache?.Put(thermal, parameters, now);
            }
            else
            {
                parameters = ThermalDefaults.For(thermal);
            }
            // The calibrator fits inlet offsets only from 30 samples or more; with less, the latest readings anchor them.
            parameters = LatestReadingCalibration.InletOffsets(thermal, parameters, room.Racks
                .Where(r => r.ObservedInletC is not null).ToDictionary(r => r.Id, r => r.ObservedInletC!.Value, StringComparer.Ordinal));
            foreach (var source in parameters.Sources)
            {
                (source.Calibrated ? unperturbed.Calibrated : unperturbed.Defaulted).Add($"{room.Id} {source.Parameter}: {source.Basis}");
            }
            _models[room.Id] = new RoomThermalModel(thermal, parameters);
            // Every run starts from the room as read now: each unit's latest supply, its swing carried on.
            _present[room.Id] = new ThermalPresent(now, room.Cracs.Where(c => c.ObservedSupplyC is not null)
                .ToDictionary(c => c.Id, c => c.ObservedSupplyC!.Value, StringComparer.Ordinal));
        }
    }

    /// <summary>Runs a plant forward from the rooms' steady state under what differs from the unperturbed plant.</summary>
    public PlantRun Run(DataCentrePlant plant, double horizonS, double seriesStepS)
    {
        PowerChain.Apply(plant);
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var limits = new Dictionary<string, double?>(StringComparer.Ordinal);
        var peaks = new Dictionary<string, double>(StringComparer.Ordinal);
        var air = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var room in plant.Rooms.Values)
        {
            var run = _models[room.Id].Simulate(Perturbations(room, 0), horizonS, seriesStepS, _present[room.Id]);
            foreach (var rack in run.Racks)
            {
                series[rack.Id] = rack.InletC.Select(v => Math.Round(v, 3)).ToArray();
                limits[rack.Id] = rack.TimeToLimitS;
                peaks[rack.Id] = rack.PeakInletC;
                air[rack.Id] = rack.LeastAirShare;
            }
        }
        return new PlantRun(plant, new ThermalRun(seriesStepS, series, limits, peaks, air));
    }

    /// <summary>
    /// Seconds from restoring everything at <paramref name="restoreAtS"/> until every rack of every room is back
    /// within <paramref name="toleranceC"/> of its baseline; null when not within <paramref name="maxS"/>.
    /// </summary>
    public double? RecoveryS(DataCentrePlant plant, PlantRun baseline, double restoreAtS, double toleranceC, double maxS)
    {
        double recovery = 0;
        foreach (var room in plant.Rooms.Values)
        {
            var perturbations = Perturbations(room, 0).Concat(Restorations(room, restoreAtS)).ToList();
            const double step = 30;
            var run = _models[room.Id].Simulate(perturbations, restoreAtS + maxS, step, _present[room.Id]);
            var back = (double?)null;
            for (var k = (int)Math.Ceiling(restoreAtS / step); k < run.TimesS.Count && back is null; k++)
            {
                if (run.Racks.All(r => !double.IsFinite(r.InletC[k]) || !baseline.Thermal.Series.TryGetValue(r.Id, out var b)
                        || Math.Abs(r.InletC[k] - b[^1]) <= toleranceC))
                {
                    back = run.TimesS[k] - restoreAtS;
                }
            }
            if (back is null) return null;
            recovery = Math.Max(recovery, back.Value);
        }
        return recovery;
    }

    private List<ThermalPerturbation> Perturbations(PlantRoom room, double atS)
    {
        var before = _unperturbed.Rooms[room.Id];
        var changes = new List<ThermalPerturbation>();
        foreach (var crac in room.Cracs)
        {
            var was = before.Cracs.First(c => c.Id == crac.Id);
            if (crac.Failed && !was.Failed) changes.Add(new CracFailure(atS, crac.Id));
            if (crac.SetpointC != was.SetpointC) changes.Add(new CracSetpointChange(atS, crac.Id, crac.SetpointC));
            if (crac.FanPct != was.FanPct) changes.Add(new CracFanSpeedChange(atS, crac.Id, crac.FanPct));
        }
        foreach (var rack in room.Racks)
        {
            if (rack.Added) changes.Add(new RackAddition(atS, Describe(rack)));
            else if (before.Racks.First(r => r.Id == rack.Id).PowerW is var was && Math.Abs(rack.PowerW - was) > 1e-6) changes.Add(new RackPowerChange(atS, rack.Id, rack.PowerW));
        }
        return changes;
    }

    /// <summary>Everything back as it was: CRACs restarted at their old settings, racks at their old power (added racks stay).</summary>
    private List<ThermalPerturbation> Restorations(PlantRoom room, double atS)
    {
        var before = _unperturbed.Rooms[room.Id];
        var changes = new List<ThermalPerturbation>();
        foreach (var crac in before.Cracs)
        {
            changes.Add(new CracSetpointChange(atS, crac.Id, crac.SetpointC));
            changes.Add(new CracFanSpeedChange(atS, crac.Id, crac.FanPct));
            if (room.Cracs.First(c => c.Id == crac.Id).Failed) changes.Add(new CracRestart(atS, crac.Id));
        }
        foreach (var rack in before.Racks) changes.Add(new RackPowerChange(atS, rack.Id, rack.PowerW));
        return changes;
    }

    private static ThermalRoom Describe(PlantRoom room) => new(room.Id, room.VolumeRated ? room.VolumeM3 : 0,
        room.Racks.Select(Describe).ToList(),
        room.Cracs.Select(c => new ThermalCrac(c.Id, Point(c.Floor), c.CapacityW, c.AirflowRated ? c.AirflowM3S : 0, c.SetpointC, c.FanPct, !c.Failed,
            c.FanPowerW, c.SetpointMinC, c.SetpointMaxC, c.FanMinPct, c.FanCoastDownS)).ToList(), room.BypassFraction, room.SurveyedReach);

    private static ThermalRack Describe(PlantRack rack) => new(rack.Id, Point(rack.Floor), rack.PowerW, rack.LimitC, rack.CoolingUnits,
        rack.Added ? 0 : rack.Servers.Count, rack.NameplateW);

    private static FloorPoint? Point((double X, double Y)? floor) => floor is { } f ? new FloorPoint(f.X, f.Y) : null;
}
