using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Physics;

/// <summary>
/// A transient model of one room's air: CRACs supply cold air (at their setpoint unless their capacity runs out),
/// each rack draws the air its servers need from the supply that reaches it (weighted by distance to each working
/// CRAC and by the rack's listed cooling units) and, where that falls short, from the hot return air; racks heat
/// their exhaust with a lag (the servers' thermal mass), and the hot air mass of the room integrates the balance.
/// Each rack's inlet carries a fixed offset calibrated so that the model reproduces the rack's last reading.
/// Interim seam: the scenario grain calls only <see cref="Settle"/>, <see cref="Run"/> and <see cref="Offsets"/>, so
/// the models project's thermal model can take its place.
/// </summary>
internal sealed class RoomAirModel
{
    private const double ServerRiseK = 12;
    private const double ServerTimeConstantS = 240;
    private const double MixingLengthM = 6;
    private const double UnlistedWeight = 0.25;
    private const double MaxSubStepS = 5;

    private readonly PlantRoom _room;
    private readonly double _airCapacity;
    private double _hot;
    private double[] _exhaust;
    private Flows? _flows;

    public RoomAirModel(PlantRoom room)
    {
        _room = room;
        _airCapacity = Air.Density * Air.SpecificHeat * room.VolumeM3;
        _exhaust = new double[room.Racks.Count];
        Offsets = new double[room.Racks.Count];
        Recirculation = new double[room.Racks.Count];
    }

    /// <summary>Per rack: the share of its intake that is its own room's hot air even when supply suffices, calibrated.</summary>
    public double[] Recirculation { get; private set; }

    /// <summary>Per rack (in the room's rack order): the calibrated inlet offset, K.</summary>
    public double[] Offsets { get; private set; }

    /// <summary>The hot (return) air temperature, °C.</summary>
    public double HotAirC => _hot;

    /// <summary>
    /// Brings the model to the steady state of the room as it is now, then sets each rack's offset so its modelled
    /// inlet equals its last reading. Returns how many racks were calibrated from a reading.
    /// </summary>
    public int Settle()
    {
        var setpoints = _room.Cracs.Where(c => !c.Failed).Select(c => c.ObservedSupplyC ?? c.SetpointC).DefaultIfEmpty(18).Average();
        _hot = _room.Cracs.Select(c => c.ObservedReturnC).OfType<double>().DefaultIfEmpty(setpoints + ServerRiseK).Average();
        for (var i = 0; i < _exhaust.Length; i++) _exhaust[i] = _hot;
        Offsets = new double[_room.Racks.Count];
        Recirculation = new double[_room.Racks.Count];
        // Recirculation changes the return temperature it is read against, so settle and read it a few times.
        for (var pass = 0; pass < 3; pass++)
        {
            SettleOnce();
            for (var i = 0; i < _room.Racks.Count; i++)
            {
                if (_room.Racks[i].ObservedInletC is not { } seen) continue;
                var plan = Plan();
                var fresh = plan.Inlet(i, plan.SupplyTemperatures(_hot), _hot, 0);
                Recirculation[i] = _hot - fresh > 0.5 ? Math.Clamp((seen - fresh) / (_hot - fresh), 0, 0.9) : 0;
            }
            _flows = null;
        }
        SettleOnce();
        var inlets = Inlets();
        var calibrated = 0;
        for (var i = 0; i < _room.Racks.Count; i++)
        {
            if (_room.Racks[i].ObservedInletC is not { } observed) continue;
            Offsets[i] = observed - inlets[i];
            calibrated++;
        }
        return calibrated;
    }

    private void SettleOnce()
    {
        // Run until the hot air stops moving (two simulated hours at most settle even a large, lightly loaded room).
        var dt = SubStep();
        for (var t = 0.0; t < 7200; t += 60)
        {
            var before = _hot;
            for (var done = 0.0; done < 60; done += dt) Advance(dt);
            if (Math.Abs(_hot - before) < 1e-4 && t > 1200) break;
        }
    }

    /// <summary>A copy that continues from the same state, for another run.</summary>
    public RoomAirModel Fork(PlantRoom room)
    {
        var copy = new RoomAirModel(room) { _hot = _hot };
        for (var i = 0; i < room.Racks.Count; i++)
        {
            var at = _room.Racks.FindIndex(r => r.Id == room.Racks[i].Id);
            copy._exhaust[i] = at >= 0 ? _exhaust[at] : _hot;
            copy.Offsets[i] = at >= 0 ? Offsets[at] : 0;
            copy.Recirculation[i] = at >= 0 ? Recirculation[at] : Recirculation.DefaultIfEmpty(0).Average();
        }
        return copy;
    }

    /// <summary>Runs forward, recording each rack's inlet every <paramref name="stride"/> steps.</summary>
    public ThermalRun Run(double horizonS, double stepS, int stride)
    {
        var points = (int)Math.Floor(horizonS / stepS / stride) + 1;
        var series = _room.Racks.Select(_ => new double[points]).ToArray();
        var limits = new double?[_room.Racks.Count];
        var peaks = Enumerable.Repeat(double.MinValue, _room.Racks.Count).ToArray();
        var inlets = Inlets();
        Record(0, 0, inlets, series, limits, peaks, stride);
        var steps = (int)Math.Floor(horizonS / stepS);
        var dt = SubStep();
        for (var n = 1; n <= steps; n++)
        {
            for (var done = 0.0; done < stepS - 1e-9; done += dt) Advance(Math.Min(dt, stepS - done));
            inlets = Inlets();
            Record(n, n * stepS, inlets, series, limits, peaks, stride);
        }
        return new ThermalRun(stepS * stride,
            _room.Racks.Select((r, i) => (r.Id, series[i])).ToDictionary(p => p.Id, p => p.Item2),
            _room.Racks.Select((r, i) => (r.Id, limits[i])).ToDictionary(p => p.Id, p => p.Item2),
            _room.Racks.Select((r, i) => (r.Id, peaks[i])).ToDictionary(p => p.Id, p => p.Item2));
    }

    /// <summary>Runs until every rack's inlet is within <paramref name="toleranceC"/> of <paramref name="target"/>; the seconds it took, or null when not within <paramref name="maxS"/>.</summary>
    public double? RunUntilWithin(IReadOnlyDictionary<string, double> target, double toleranceC, double maxS)
    {
        var dt = SubStep();
        for (var t = 0.0; t <= maxS; t += 10)
        {
            var inlets = Inlets();
            if (_room.Racks.Select((r, i) => Math.Abs(inlets[i] - target.GetValueOrDefault(r.Id, inlets[i])) <= toleranceC).All(ok => ok)) return t;
            for (var done = 0.0; done < 10; done += dt) Advance(Math.Min(dt, 10 - done));
        }
        return null;
    }

    private void Record(int n, double t, double[] inlets, double[][] series, double?[] limits, double[] peaks, int stride)
    {
        for (var i = 0; i < inlets.Length; i++)
        {
            if (n % stride == 0) series[i][n / stride] = Math.Round(inlets[i], 3);
            peaks[i] = Math.Max(peaks[i], inlets[i]);
            if (limits[i] is null && inlets[i] >= _room.Racks[i].LimitC) limits[i] = t;
        }
    }

    /// <summary>
    /// Airflows do not change during a run (power, fans and failures are fixed by the scenario), so who gets how much
    /// supply from which CRAC is worked out once; only temperatures change from step to step.
    /// </summary>
    private Flows Plan() => _flows ??= new Flows(_room, Recirculation);

    /// <summary>A fifth of the hot air's time constant (its heat capacity over the flows through it), so explicit steps stay accurate.</summary>
    private double SubStep()
    {
        var plan = Plan();
        var conductance = (plan.Demand.Sum() + plan.Bypass) * Air.SpecificHeat;
        return conductance <= 0 ? MaxSubStepS : Math.Clamp(_airCapacity / conductance / 5, 0.05, MaxSubStepS);
    }

    private double[] Inlets()
    {
        var plan = Plan();
        var supply = plan.SupplyTemperatures(_hot);
        var inlets = new double[_room.Racks.Count];
        for (var i = 0; i < inlets.Length; i++) inlets[i] = plan.Inlet(i, supply, _hot, Recirculation[i]) + Offsets[i];
        return inlets;
    }

    private void Advance(double dt)
    {
        var plan = Plan();
        var supply = plan.SupplyTemperatures(_hot);
        var gain = dt / ServerTimeConstantS;
        var energy = 0.0;
        for (var i = 0; i < _exhaust.Length; i++)
        {
            var inlet = plan.Inlet(i, supply, _hot, Recirculation[i]);
            var target = inlet + plan.Rise[i];
            _exhaust[i] += (target - _exhaust[i]) * Math.Min(1, gain);
            energy += plan.Demand[i] * Air.SpecificHeat * (_exhaust[i] - _hot);
        }
        // Supply air no rack drew bypasses into the return, each CRAC in proportion to its flow.
        if (plan.Bypass > 0)
        {
            for (var c = 0; c < supply.Length; c++) energy += plan.Bypass * plan.FlowShare[c] * Air.SpecificHeat * (supply[c] - _hot);
        }
        _hot += energy * dt / _airCapacity;
    }

    /// <summary>The fixed airflows of a run: demand per rack, flow per CRAC, and each rack's share of each CRAC's supply.</summary>
    private sealed class Flows
    {
        private readonly double[,] _part;
        private readonly double[] _got;
        private readonly double[] _share;
        private readonly double[] _setpoint;
        private readonly double[] _coilDrop;

        public Flows(PlantRoom room, double[] recirculation)
        {
            var racks = room.Racks;
            var cracs = room.Cracs;
            Demand = racks.Select(r => r.PowerW / (Air.SpecificHeat * ServerRiseK)).ToArray();
            Rise = racks.Select((r, i) => Demand[i] > 0 ? r.PowerW / (Demand[i] * Air.SpecificHeat) : 0).ToArray();
            var flow = cracs.Select(c => c.Failed ? 0 : c.AirflowM3S * Air.Density * Math.Clamp(c.FanPct, 0, 100) / 100).ToArray();
            var total = flow.Sum();
            FlowShare = flow.Select(f => total > 0 ? f / total : 0).ToArray();
            _setpoint = cracs.Select(c => c.SetpointC).ToArray();
            _coilDrop = cracs.Select((c, k) => flow[k] > 0 ? c.CapacityW / (flow[k] * Air.SpecificHeat) : 0).ToArray();
            _part = new double[racks.Count, cracs.Count];
            _got = new double[racks.Count];
            for (var c = 0; c < cracs.Count; c++)
            {
                if (flow[c] <= 0) continue;
                var weights = racks.Select((r, i) => Demand[i] * Weight(r, cracs[c])).ToArray();
                var sum = weights.Sum();
                if (sum <= 0) continue;
                for (var i = 0; i < racks.Count; i++)
                {
                    _part[i, c] = flow[c] * weights[i] / sum;
                    _got[i] += _part[i, c];
                }
            }
            _share = racks.Select((_, i) => Demand[i] <= 0 ? 1 : Math.Min(1, _got[i] / Demand[i])).ToArray();
            Bypass = Math.Max(0, total - racks.Select((_, i) => Demand[i] * _share[i] * (1 - recirculation[i])).Sum());
        }

        /// <summary>kg/s of air each rack's servers draw.</summary>
        public double[] Demand { get; }

        /// <summary>K the servers of each rack heat their air at steady state.</summary>
        public double[] Rise { get; }

        /// <summary>Each CRAC's share of the room's supply flow.</summary>
        public double[] FlowShare { get; }

        /// <summary>kg/s of supply no rack drew.</summary>
        public double Bypass { get; }

        /// <summary>Each CRAC's supply: its setpoint, unless the return carries more heat than it can remove.</summary>
        public double[] SupplyTemperatures(double hot)
        {
            var supply = new double[_setpoint.Length];
            for (var c = 0; c < supply.Length; c++) supply[c] = _coilDrop[c] > 0 ? Math.Max(_setpoint[c], hot - _coilDrop[c]) : hot;
            return supply;
        }

        /// <summary>
        /// A rack's inlet without its offset: the supply it gets, topped up with hot air where that falls short, and
        /// the rack's own recirculated share of hot air.
        /// </summary>
        public double Inlet(int rack, double[] supply, double hot, double recirculation)
        {
            if (_got[rack] <= 0) return hot;
            var mixed = 0.0;
            for (var c = 0; c < supply.Length; c++) mixed += _part[rack, c] * supply[c];
            mixed /= _got[rack];
            var fresh = _share[rack] * (1 - recirculation);
            return fresh * mixed + (1 - fresh) * hot;
        }
    }

    private static double Weight(PlantRack rack, PlantCrac crac)
    {
        var listed = rack.CoolingUnits.Count == 0 || rack.CoolingUnits.Contains(crac.Id) ? 1 : UnlistedWeight;
        if (rack.Floor is not { } r || crac.Floor is not { } c) return listed;
        var distance = Math.Sqrt((r.X - c.X) * (r.X - c.X) + (r.Y - c.Y) * (r.Y - c.Y));
        return listed * Math.Exp(-distance / MixingLengthM);
    }
}
