namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The mutable working state of one simulation run: racks and CRACs as arrays, the hot-air node and each rack's
/// equipment node. Kept apart from <see cref="RoomThermalModel"/> so a model can run many simulations at once.
/// </summary>
internal sealed class ThermalPlant
{
    private const double MinimumRackPowerW = 50;
    private const double MinimumRackPowerShare = 0.2;
    private const double HighestReturnC = 150;

    private readonly ThermalParameters parameters;
    private double[,] share = new double[0, 0];
    private readonly double[] referenceAirflow;

    public readonly List<ThermalRack> Racks = [];
    public readonly List<RackThermalParameters> RackParameters = [];
    public readonly List<double> RackPowerW = [];
    public readonly List<double> NominalAirflow = [];
    /// <summary>Each rack's equipment (chassis) temperature; its exhaust is <see cref="ExhaustC"/>.</summary>
    public readonly List<double> EquipmentC = [];
    public readonly List<double> AddedAtS = [];
    public readonly ThermalCrac[] Cracs;
    public readonly CracThermalParameters[] CracParameters;
    public readonly bool[] Running;
    public readonly double[] SetpointC;
    public readonly double[] FanPct;
    public readonly double[] RatedAirflow;
    public double ReturnC;

    // Each CRAC fan's actual speed, %, and a stopped unit's coil temperature, during a transient: a fan follows its
    // command through its drive's ramp and coasts down when its unit stops (ThermalDefaults.CracCoastDownS).
    private readonly double[] spinPct;
    private readonly double[] coilC;

    // Scratch filled by Evaluate.
    public double[] CracAirflow;
    public double[] CracSupplyC;
    public double[] CracLoadW;
    public double[] CracCapacityW;
    public double[] RackInletMixC = [];
    public double[] RackInletHottestC = [];
    public double[] RackSupplyShare = [];

    /// <summary>Each rack's lowest inlet (its cold air) and hottest inlet when fan response was switched on (NaN before):
    /// the fans' speed in the history the exhaust rise was calibrated on.</summary>
    private double[] fanBaseInletC = [];
    private double[] fanBaseHottestC = [];

    // Each rack's airflow relative to the steady state; its fans follow their inlet with a lag once the transient has
    // started (before it, at the steady state, they are where the history saw them).
    private double[] fanFactor = [];

    // Racks whose draw was calibrated at known inlets (ThermalParameters.FanBase): their fans answer the inlet in the
    // steady state too, relative to those inlets, and a transient starts from there.
    private bool[] fansFromBase = [];

    // Where each rack's mean and hottest intake are heading. The air in the aisle in front of a rack is replaced at
    // the rate the rack draws it, so its mean intake follows a change of the air reaching it within seconds, not at
    // once; the top server breathes the warm air spilling over the rack's top as it comes, with no aisle between.
    private double[] intakeTargetC = [];
    private double[] hottestTargetC = [];
    // The cold air reaching each rack, °C: what its bottom server breathes (warm air comes back over the top).
    private double[] rackColdC = [];
    private bool transient;
    // Seconds since the transient started, and how far the present readings stood from the steady state then
    // (ThermalPresent): each unit's swing and the rest of its supply's difference, which dies away.
    private double elapsedS;
    private double[] supplyDeviationC = [];
    private CracHunt?[] hunts = [];
    private DateTimeOffset presentAt;

    public ThermalPlant(ThermalRoom room, ThermalParameters parameters)
    {
        this.parameters = parameters;
        Cracs = [.. room.Cracs];
        CracParameters = [.. Cracs.Select(c => parameters.Cracs.TryGetValue(c.Id, out var p) ? p : ThermalDefaults.Crac(c))];
        Running = [.. Cracs.Select(c => c.Running)];
        SetpointC = [.. Cracs.Select(c => c.SetpointC)];
        FanPct = [.. Cracs.Select(c => c.FanPct)];
        RatedAirflow = [.. Cracs.Select(ThermalDefaults.AirflowM3PerS)];
        spinPct = new double[Cracs.Length];
        coilC = new double[Cracs.Length];
        // The floor shares air as the units ran when the room was described; a stopped unit at the others' speed.
        var typicalFan = Cracs.Where(c => c.Running && c.FanPct > 0).Select(c => c.FanPct).DefaultIfEmpty(100).Average();
        referenceAirflow = [.. Cracs.Select((c, i) => RatedAirflow[i] * (c.Running && c.FanPct > 0 ? c.FanPct : typicalFan) / 100)];
        CracAirflow = new double[Cracs.Length];
        CracSupplyC = new double[Cracs.Length];
        CracLoadW = new double[Cracs.Length];
        CracCapacityW = new double[Cracs.Length];
        foreach (var rack in room.Racks) AddRack(rack, null, 0, recomputeShares: false);
        RecomputeShares();
    }

    public int RackIndex(string id) => Racks.FindIndex(r => r.Id == id);

    public int CracIndex(string id) => Array.FindIndex(Cracs, c => c.Id == id);

    public void AddRack(ThermalRack rack, RackThermalParameters? given, double atS, bool recomputeShares = true)
    {
        var p = given ?? (parameters.Racks.TryGetValue(rack.Id, out var known) ? known : ThermalDefaults.Rack(rack));
        Racks.Add(rack);
        RackParameters.Add(p);
        RackPowerW.Add(rack.ItPowerW);
        NominalAirflow.Add(Math.Max(rack.ItPowerW, MinimumRackPowerW) / (Air.VolumetricHeatCapacity * p.ExhaustRiseK));
        EquipmentC.Add(double.NaN);
        AddedAtS.Add(atS);
        if (recomputeShares) RecomputeShares();
    }

    /// <summary>Share of each CRAC's air that reaches each rack (<see cref="AirDelivery"/>). A rack added later draws
    /// air away from the others, as a new rack on a floor does.</summary>
    private void RecomputeShares()
    {
        var affinity = new double[Racks.Count, Cracs.Length];
        for (var j = 0; j < Racks.Count; j++)
            for (var i = 0; i < Cracs.Length; i++) affinity[j, i] = Affinity(j, i);
        var floorSplit = parameters.Reach is { } reach ? AirDelivery.Split(Racks, Cracs, referenceAirflow, reach) : null;
        share = AirDelivery.Shares(affinity, NominalAirflow, referenceAirflow, parameters.BypassFraction, floorSplit);
        var previous = fanBaseInletC;
        // Racks already there keep their intake air; one added during a transient starts at its target (NaN).
        RackInletMixC = Keep(RackInletMixC, Racks.Count);
        RackInletHottestC = Keep(RackInletHottestC, Racks.Count);
        intakeTargetC = new double[Racks.Count];
        hottestTargetC = new double[Racks.Count];
        rackColdC = new double[Racks.Count];
        RackSupplyShare = new double[Racks.Count];
        var previousFans = fanFactor;
        var previousHottest = fanBaseHottestC;
        fanBaseInletC = new double[Racks.Count];
        fanBaseHottestC = new double[Racks.Count];
        fanFactor = new double[Racks.Count];
        fansFromBase = new bool[Racks.Count];
        for (var j = 0; j < Racks.Count; j++)
        {
            fanBaseInletC[j] = j < previous.Length ? previous[j] : double.NaN;
            fanBaseHottestC[j] = j < previousHottest.Length ? previousHottest[j] : double.NaN;
            fanFactor[j] = j < previousFans.Length ? previousFans[j] : 1;
            if (parameters.FanBase is { } known && known.TryGetValue(Racks[j].Id, out var fanBase))
            {
                fanBaseInletC[j] = fanBase.ColdC;
                fanBaseHottestC[j] = fanBase.HottestC;
                fansFromBase[j] = true;
            }
        }
    }

    /// <summary>The cold air reaching rack j at the last evaluation, °C.</summary>
    public double RackColdC(int j) => rackColdC[j];

    private static double[] Keep(double[] values, int length)
    {
        var kept = new double[length];
        for (var j = 0; j < length; j++) kept[j] = j < values.Length ? values[j] : double.NaN;
        return kept;
    }

    /// <summary>From now on server fans respond to their inlet, relative to the inlets of this moment (the steady
    /// state the parameters describe).</summary>
    public void StartTransient()
    {
        for (var j = 0; j < Racks.Count; j++)
        {
            if (fansFromBase[j]) continue;
            fanBaseInletC[j] = rackColdC[j];
            fanBaseHottestC[j] = RackInletHottestC[j];
            fanFactor[j] = 1;
        }
        for (var i = 0; i < Cracs.Length; i++)
        {
            spinPct[i] = FanAimPct(i);
            coilC[i] = CracSupplyC[i];
        }
        transient = true;
    }

    /// <summary>The transient starts from the room's present readings: each running unit's supply carries on its
    /// swing from the present (<see cref="ThermalParameters.Hunts"/>), what the swing does not explain of its latest
    /// reading dies away, and the racks (their intake and chassis) start where that air puts them.</summary>
    public void StartFrom(ThermalPresent present)
    {
        supplyDeviationC = new double[Cracs.Length];
        hunts = new CracHunt?[Cracs.Length];
        presentAt = present.At;
        for (var i = 0; i < Cracs.Length; i++)
        {
            if (!Running[i] || CracAirflow[i] <= 0) continue;
            hunts[i] = parameters.Hunts?.GetValueOrDefault(Cracs[i].Id);
            var swing = hunts[i]?.At(presentAt, 0) ?? 0;
            var supply = present.CracSupplyC.TryGetValue(Cracs[i].Id, out var read) && double.IsFinite(read) ? read : CracSupplyC[i] + swing;
            supplyDeviationC[i] = supply - CracSupplyC[i] - swing;
            coilC[i] = supply;
        }
        Evaluate(ReturnC);
        for (var j = 0; j < Racks.Count; j++)
        {
            // The racks have breathed the present air for a while: their intake and chassis stand where it put them.
            if (double.IsFinite(EquipmentC[j])) EquipmentC[j] += intakeTargetC[j] - RackInletMixC[j];
            RackInletMixC[j] = intakeTargetC[j];
            RackInletHottestC[j] = hottestTargetC[j];
        }
    }

    /// <summary>How far unit i's supply stands from where its controller holds it, °C: its swing and what remains of
    /// the present's difference.</summary>
    private double SupplyDeviation(int i) => i >= supplyDeviationC.Length ? 0
        : (hunts[i]?.At(presentAt, elapsedS) ?? 0) + supplyDeviationC[i] * Math.Exp(-elapsedS / ThermalDefaults.PresentDeviationS);

    /// <summary>Rack j's airflow relative to its airflow at the start of the transient: server fans speed up as the
    /// inlet warms, which draws more air and so starves a short rack further (WHATIF-FACTS: servers).</summary>
    private double FanFactor(int j) => fanFactor[j];

    /// <summary>Rack j's fan target relative to the start: its servers' inlets run evenly from the cold air at the
    /// bottom to the hottest at the top (the warm share rises from none at the bottom), and each server's fans answer
    /// its own inlet, so the top speeds up as soon as it warms, whatever the rack's mean.</summary>
    private double FanTarget(int j) =>
        double.IsFinite(fanBaseInletC[j])
            ? ThermalDefaults.FanRamp(rackColdC[j], RackInletHottestC[j]) / ThermalDefaults.FanRamp(fanBaseInletC[j], fanBaseHottestC[j])
            : 1;

    private double Affinity(int rack, int crac)
    {
        var id = Racks[rack].Id;
        if (parameters.Affinity.TryGetValue(id, out var known) && known.TryGetValue(Cracs[crac].Id, out var value)) return value;
        return ThermalDefaults.Affinity(Racks[rack], Cracs)[Cracs[crac].Id];
    }

    /// <summary>Air the rack's servers draw, m³/s: power / (ρ·cp·rise), with a floor for idle racks whose fans still turn.</summary>
    public double RackAirflow(int j) =>
        FanFactor(j) * Math.Max(Math.Max(RackPowerW[j], MinimumRackPowerShare * Racks[j].ItPowerW), MinimumRackPowerW)
        / (Air.VolumetricHeatCapacity * RackParameters[j].ExhaustRiseK);

    public double CracCapacity(int i, double returnC, double airflow)
    {
        var p = CracParameters[i];
        var byReturn = Math.Max(0, 1 + p.CapacitySlopePerK * (returnC - p.NominalReturnC));
        var byAirflow = Math.Pow(airflow / RatedAirflow[i], p.CapacityAirflowExponent);
        return Cracs[i].CoolingCapacityW * byReturn * byAirflow;
    }

    /// <summary>CRAC supply and load, each rack's mixed inlet and supply share, at the present return temperature.</summary>
    public void Evaluate(double returnC)
    {
        for (var i = 0; i < Cracs.Length; i++)
        {
            var airflow = RatedAirflow[i] * (transient ? spinPct[i] : FanAimPct(i)) / 100;
            CracAirflow[i] = airflow;
            if (!Running[i] && airflow > 0)
            {
                // A stopped unit's coasting fan pushes air over a coil still colder than the return air.
                CracSupplyC[i] = Math.Min(coilC[i], returnC);
                CracLoadW[i] = Air.VolumetricHeatCapacity * airflow * (returnC - CracSupplyC[i]);
                CracCapacityW[i] = 0;
                continue;
            }
            if (airflow <= 0)
            {
                CracSupplyC[i] = returnC;
                CracLoadW[i] = 0;
                CracCapacityW[i] = 0;
                continue;
            }
            var capacity = CracCapacity(i, returnC, airflow);
            var wanted = Air.VolumetricHeatCapacity * airflow * Math.Max(0, returnC - SetpointC[i]);
            CracCapacityW[i] = capacity;
            CracLoadW[i] = Math.Min(wanted, capacity);
            CracSupplyC[i] = returnC - CracLoadW[i] / (Air.VolumetricHeatCapacity * airflow);
            if (transient && SupplyDeviation(i) is var deviation and not 0)
            {
                CracSupplyC[i] = Math.Min(returnC, CracSupplyC[i] + deviation);
                CracLoadW[i] = Air.VolumetricHeatCapacity * airflow * (returnC - CracSupplyC[i]);
            }
        }
        for (var j = 0; j < Racks.Count; j++)
        {
            double supplied = 0, suppliedHeat = 0;
            for (var i = 0; i < Cracs.Length; i++)
            {
                var flow = share[j, i] * CracAirflow[i];
                supplied += flow;
                suppliedHeat += flow * CracSupplyC[i];
            }
            var drawn = RackAirflow(j);
            var supplyShare = supplied / drawn;
            RackSupplyShare[j] = supplyShare;
            var fed = Math.Min(1, supplyShare);
            var cold = (1 - RackParameters[j].Recirculation) * fed;
            var supplyC = supplied > 0 ? suppliedHeat / supplied : returnC;
            rackColdC[j] = supplyC;
            // Warm air reaches an intake over the top of the rack and round the row ends: the rack's own exhaust from
            // the hot aisle mixed with room air, whether it is the usual leak (recirculation) or makes up for cold air
            // short of what the servers draw (a starved rack breathes what it blows out).
            var exhaust = double.IsNaN(EquipmentC[j]) ? returnC : ExhaustC(j);
            var warmC = ThermalDefaults.ExhaustMakeUpShare * exhaust + (1 - ThermalDefaults.ExhaustMakeUpShare) * returnC;
            var warmShare = 1 - cold;
            intakeTargetC[j] = cold * supplyC + warmShare * warmC;
            // The hottest server breathes more of the warm air than the rack's mean (it rises to the top).
            var hottestWarm = Math.Min(ThermalDefaults.HighestWarmShare, RackParameters[j].HottestShareFactor * warmShare);
            hottestTargetC[j] = (1 - hottestWarm) * supplyC + hottestWarm * warmC;
            if (!transient || double.IsNaN(RackInletMixC[j]))
            {
                RackInletMixC[j] = intakeTargetC[j];
                RackInletHottestC[j] = hottestTargetC[j];
            }
        }
    }

    /// <summary>The speed CRAC i's fan is heading for, %: its command while it runs, nothing once it has stopped.</summary>
    private double FanAimPct(int i) => Running[i] ? Math.Max(0, FanPct[i]) : 0;

    /// <summary>Cold air reaching rack j for given CRAC airflows and supply temperatures, and its mean temperature.</summary>
    public (double Supplied, double SupplyC) RackSupply(int j, IReadOnlyList<double> airflow, IReadOnlyList<double> supplyC)
    {
        double supplied = 0, heat = 0;
        for (var i = 0; i < Cracs.Length; i++)
        {
            var flow = share[j, i] * airflow[i];
            supplied += flow;
            heat += flow * supplyC[i];
        }
        return (supplied, supplied > 0 ? heat / supplied : double.NaN);
    }

    public double ReportedInlet(int j) => RackInletHottestC[j] + RackParameters[j].InletOffsetK;

    public bool IsSaturated(int i) => Running[i] && CracAirflow[i] > 0 && CracLoadW[i] >= CracCapacityW[i] - 1e-6
        && CracSupplyC[i] > SetpointC[i] + 1e-6;

    public CracOperatingPoint Describe(int i)
    {
        var p = CracParameters[i];
        var running = Running[i] && CracAirflow[i] > 0;
        var compressor = running ? CompressorPower(p, CracLoadW[i], CracSupplyC[i]) : 0;
        var fan = running && RatedAirflow[i] > 0 ? p.FanPowerW * Math.Pow(CracAirflow[i] / RatedAirflow[i], 3) : 0;
        return new CracOperatingPoint(Cracs[i].Id, running, CracSupplyC[i], ReturnC, CracAirflow[i], CracLoadW[i],
            CracCapacityW[i], compressor, fan, IsSaturated(i));
    }

    /// <summary>Compressor input for a heat load at a supply temperature: load × (1/COP at reference + slope × ΔT),
    /// never below a tenth of the reference input (COP does not grow without bound).</summary>
    public static double CompressorPower(CracThermalParameters p, double loadW, double supplyC) =>
        loadW * Math.Max(0.1 * p.CompressorInputPerWatt,
            p.CompressorInputPerWatt + p.CompressorInputSlopePerK * (supplyC - p.ReferenceSupplyC));

    /// <summary>Sets the return temperature to where the CRACs remove exactly the IT heat, and every equipment
    /// node to its steady exhaust temperature. False when no such temperature exists below 150 °C.</summary>
    public bool SettleToSteadyState()
    {
        var steady = SettleAtPresentFans();
        if (!fansFromBase.Any(known => known)) return steady;
        // The fans answer the inlets they settle to, which the air they draw moves: iterate to where both agree
        // (damped; a starving rack's loop is capped where its fans run at full speed).
        for (var round = 0; round < 40; round++)
        {
            var moved = 0.0;
            for (var j = 0; j < Racks.Count; j++)
            {
                if (!fansFromBase[j]) continue;
                var target = FanTarget(j);
                var next = 0.5 * (fanFactor[j] + target);
                moved = Math.Max(moved, Math.Abs(next - fanFactor[j]));
                fanFactor[j] = next;
            }
            steady = SettleAtPresentFans();
            if (moved < 1e-4) break;
        }
        return steady;
    }

    private bool SettleAtPresentFans()
    {
        var heat = RackPowerW.Sum();
        double low = Math.Min(SetpointC.DefaultIfEmpty(20).Min(), 20) - 10, high = HighestReturnC;
        var steady = Removed(high) >= heat;
        if (steady)
            for (var k = 0; k < 60 && high - low > 1e-6; k++)
            {
                var mid = 0.5 * (low + high);
                if (Removed(mid) >= heat) high = mid; else low = mid;
            }
        ReturnC = high;
        // A starved rack's inlet depends on its own exhaust: settle that loop (it contracts: at most half of the
        // make-up air is exhaust).
        for (var pass = 0; pass < 40; pass++)
        {
            Evaluate(ReturnC);
            var moved = 0.0;
            for (var j = 0; j < Racks.Count; j++)
            {
                var chassis = SteadyEquipmentC(j);
                moved = Math.Max(moved, double.IsNaN(EquipmentC[j]) ? double.PositiveInfinity : Math.Abs(chassis - EquipmentC[j]));
                EquipmentC[j] = chassis;
            }
            if (moved < 1e-4) break;
        }
        Evaluate(ReturnC);
        return steady;
    }

    private double Removed(double returnC)
    {
        Evaluate(returnC);
        return CracLoadW.Sum();
    }

    /// <summary>Longest sub-step that follows the plant, s: a fifth of its fastest time constant. Besides the hot-air
    /// node, the loops of a starving rack are fast (its aisle air is replaced within seconds, its fans follow their inlet
    /// within ten, and each feeds the other through its share of cold air); stepping them coarser than that delays a
    /// runaway by steps, not by physics.</summary>
    public double StableStepS()
    {
        var conductance = RatedAirflow.Sum();
        for (var j = 0; j < Racks.Count; j++) conductance += RackAirflow(j);
        var fastest = parameters.RoomHeatCapacityJPerK / (Air.VolumetricHeatCapacity * Math.Max(conductance, 1e-3));
        if (transient)
        {
            fastest = Math.Min(fastest, Math.Min(ThermalDefaults.FanResponseS, ThermalDefaults.CracFanRampS));
            for (var j = 0; j < Racks.Count; j++)
                fastest = Math.Min(fastest, ThermalDefaults.AisleAirPerRackM3 / Math.Max(RackAirflow(j), 1e-3));
        }
        return 0.2 * fastest;
    }

    /// <summary>Advances the hot-air node and every equipment node by dt seconds.</summary>
    public void Advance(double dt)
    {
        Evaluate(ReturnC);
        var heatToAir = 0.0;
        for (var j = 0; j < Racks.Count; j++)
        {
            if (transient)
            {
                var aisle = Math.Exp(-dt * RackAirflow(j) / ThermalDefaults.AisleAirPerRackM3);
                RackInletMixC[j] = intakeTargetC[j] + (RackInletMixC[j] - intakeTargetC[j]) * aisle;
                RackInletHottestC[j] = hottestTargetC[j];
                // The fans' controllers follow the inlet within about ten seconds.
                var fans = FanTarget(j);
                fanFactor[j] = fans + (fanFactor[j] - fans) * Math.Exp(-dt / ThermalDefaults.FanResponseS);
            }
            // The air carries off the effectiveness' share of the chassis' excess over the inlet (Erden, Khalifa and
            // Schmidt 2014): the exhaust follows part of an inlet change at once, the rest as the chassis warms.
            var conductance = ThermalDefaults.ServerEffectiveness * Air.VolumetricHeatCapacity * RackAirflow(j);
            if (double.IsNaN(EquipmentC[j])) EquipmentC[j] = SteadyEquipmentC(j);
            heatToAir += conductance * (EquipmentC[j] - RackInletMixC[j]);
            // Exact for a fixed inlet: the chassis relaxes to inlet + P / conductance with time constant C / conductance.
            var target = RackInletMixC[j] + RackPowerW[j] / conductance;
            var decay = Math.Exp(-dt * conductance / RackParameters[j].HeatCapacityJPerK);
            EquipmentC[j] = target + (EquipmentC[j] - target) * decay;
        }
        ReturnC += dt * (heatToAir - CracLoadW.Sum()) / parameters.RoomHeatCapacityJPerK;
        if (transient) AdvanceCracFans(dt);
        if (transient) elapsedS += dt;
    }

    private void AdvanceCracFans(double dt)
    {
        for (var i = 0; i < Cracs.Length; i++)
        {
            var aim = FanAimPct(i);
            var settle = Running[i] ? ThermalDefaults.CracFanRampS : Cracs[i].FanCoastDownS;
            spinPct[i] = settle > 0 && double.IsFinite(settle) ? aim + (spinPct[i] - aim) * Math.Exp(-dt / settle) : aim;
            // A coasting rotor stops once friction takes over rather than turning ever slower.
            if (!Running[i] && spinPct[i] < ThermalDefaults.CracFanStillPct) spinPct[i] = 0;
            coilC[i] = Running[i]
                ? CracSupplyC[i]
                : ReturnC + (coilC[i] - ReturnC) * Math.Exp(-dt / ThermalDefaults.CracCoilHoldS);
        }
    }

    /// <summary>Rack j's exhaust: its inlet plus the effectiveness' share of the chassis' excess over it.</summary>
    public double ExhaustC(int j) =>
        RackInletMixC[j] + ThermalDefaults.ServerEffectiveness * (EquipmentC[j] - RackInletMixC[j]);

    /// <summary>Rack j's chassis temperature at the steady state for its present inlet, power and airflow.</summary>
    private double SteadyEquipmentC(int j) =>
        RackInletMixC[j] + RackPowerW[j] / (ThermalDefaults.ServerEffectiveness * Air.VolumetricHeatCapacity * RackAirflow(j));

    public double StoredHeatJ()
    {
        var stored = parameters.RoomHeatCapacityJPerK * ReturnC;
        for (var j = 0; j < Racks.Count; j++) stored += RackParameters[j].HeatCapacityJPerK * EquipmentC[j];
        return stored;
    }
}
