namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Fits the room thermal model's identifiable parameters to a telemetry history by least squares, and keeps the
/// topology default for every parameter the history cannot pin down (too few samples, too little variation, or a
/// fit outside physical bounds). Each parameter group's <see cref="ParameterSource"/> says which, and why.
/// </summary>
/// <remarks>
/// What is fitted, from what:
/// <list type="bullet">
/// <item>rack exhaust rise: median outlet − inlet of its servers;</item>
/// <item>rack recirculation and inlet offset: the inlet against the room's return and the rack's supply air
/// (recirculation needs the return–supply difference to vary, as it does with load; the offset needs only samples);</item>
/// <item>room heat capacity (and the equipment's, as one scale): the room's heat balance
/// IT − cooling = C·dT_return/dt + κ·Σ C_rack·dT_outlet/dt over windows of a minute or more, when the history holds
/// transients large enough to tell C from noise;</item>
/// <item>CRAC power: power = Q·(a + b·(supply − 18)) + fan·speed³ (b only when supply temperatures vary).</item>
/// </list>
/// CRAC capacity and the CRACs' influence on each rack stay at their defaults unless a history holds saturation or
/// independent setpoint changes; the sources say so.
/// </remarks>
public static class ThermalCalibrator
{
    /// <summary>Fewest usable samples for any fit.</summary>
    public const int MinimumSamples = 30;

    /// <summary>Smallest swing (standard deviation) of a rack's mean inlet rise over its supply that says how its
    /// hottest server compares, K (below it the slope is sensor noise).</summary>
    private const double MinimumMeanRiseK = 0.3;

    /// <summary>Smallest mean drive of a rack's recirculation (warm air − supply, on the cold share) that can be read, K.</summary>
    private const double MinimumDriveK = 1;

    /// <summary>Samples between a row and its instrument: more than a history carries one reading forward
    /// (<see cref="ThermalHistoryBuilder"/>'s carry), so the two never share a sensor's noise.</summary>
    private const int InstrumentLag = 6;

    /// <summary>Parameters for <paramref name="room"/> fitted to <paramref name="history"/> where it allows.</summary>
    public static ThermalParameters Calibrate(ThermalRoom room, ThermalHistory history)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(history);
        var defaults = ThermalDefaults.For(room);
        var sources = defaults.Sources.ToDictionary(s => s.Parameter, StringComparer.Ordinal);
        var racks = new Dictionary<string, RackThermalParameters>(defaults.Racks, StringComparer.Ordinal);
        var cracs = new Dictionary<string, CracThermalParameters>(defaults.Cracs, StringComparer.Ordinal);
        var observed = new ObservedRoom(room, history);

        FitExhaustRise(room, history, racks, sources);
        var hunts = FitHunts(room, history, sources);
        FitCracPower(room, observed, cracs, sources);
        var affinity = AffinityCalibration.Fit(room, observed, out var affinityBasis);
        if (affinity is not null) sources["crac.influence"] = new("crac.influence", true, affinityBasis);
        else if (affinityBasis.Length > 0)
            sources["crac.influence"] = sources["crac.influence"] with { Basis = $"{sources["crac.influence"].Basis}: {affinityBasis}" };
        // How far each unit's air reaches, from the same fitted influences (only they say anything of it).
        FloorReach? reach = null;
        if (affinity is not null)
        {
            reach = FloorReachCalibration.Fit(room, affinity, out var reachBasis);
            sources["room.air_reach"] = reach is not null
                ? new("room.air_reach", true, reachBasis)
                : sources["room.air_reach"] with { Basis = $"{sources["room.air_reach"].Basis}: {reachBasis}" };
        }
        // The telemetry's reach where it identifies one (the floor as it runs today), else the survey's, if any.
        reach ??= defaults.Reach;
        var withRise = defaults with { Racks = racks, Cracs = cracs, Affinity = affinity ?? defaults.Affinity, Reach = reach };
        FitRecirculation(room, observed, withRise, racks, sources);
        var heatCapacity = FitHeatCapacity(room, observed, racks, defaults.RoomHeatCapacityJPerK, sources);
        // The fits above read the whole history at its typical rise; the model answers for the room as it is now.
        UsePresentExhaustRise(room, history, racks, sources);

        var calibrated = defaults with
        {
            Racks = racks,
            Cracs = cracs,
            Affinity = withRise.Affinity,
            Reach = reach,
            RoomHeatCapacityJPerK = heatCapacity,
            Hunts = hunts,
            Sources = [.. defaults.Sources.Select(s => sources[s.Parameter])],
        };
        return calibrated with { FanBase = FanBaseAt(room, calibrated) };
    }

    /// <summary>
    /// Each rack's intake air in the room as it is: the draw was calibrated on a history of this room at these
    /// settings, so its servers' fans ran as these inlets set them. A steady state at other settings moves them from
    /// here (a room run warmer draws more, which the optimiser must pay for in cold air).
    /// </summary>
    private static IReadOnlyDictionary<string, RackFanBase> FanBaseAt(ThermalRoom room, ThermalParameters parameters)
    {
        var plant = new ThermalPlant(room, parameters);
        plant.SettleToSteadyState();
        var fanBase = new Dictionary<string, RackFanBase>(StringComparer.Ordinal);
        for (var j = 0; j < plant.Racks.Count; j++)
        {
            var (cold, hottest) = (plant.RackColdC(j), plant.RackInletHottestC[j]);
            if (double.IsFinite(cold) && double.IsFinite(hottest)) fanBase[plant.Racks[j].Id] = new RackFanBase(cold, hottest);
        }
        return fanBase;
    }

    private static void FitExhaustRise(ThermalRoom room, ThermalHistory history,
        Dictionary<string, RackThermalParameters> racks, Dictionary<string, ParameterSource> sources)
    {
        var fitted = 0;
        var samples = 0;
        foreach (var rack in room.Racks)
        {
            if (!history.Racks.TryGetValue(rack.Id, out var h)) continue;
            if (MedianRise(history, h, double.NegativeInfinity, MinimumSamples) is not { } rise) continue;
            racks[rack.Id] = racks[rack.Id] with { ExhaustRiseK = rise.Median };
            fitted++;
            samples += rise.Samples;
        }
        if (fitted > 0)
            sources["rack.exhaust_rise"] = new("rack.exhaust_rise", true,
                $"{fitted} of {room.Racks.Count} racks: median server outlet − inlet over {samples} samples" +
                (fitted < room.Racks.Count ? $"; others {ThermalDefaults.ExhaustRiseK} K" : ""));
    }

    /// <summary>
    /// Each rack's exhaust rise as of the history's last <see cref="PresentRiseWindowS"/>: the air a rack draws for its
    /// power is P / (ρ·cp·rise), and the rise moves with load (server fans keep a floor, so at a quiet night's load
    /// they move more air per watt and the rise falls). A rack that is short of air after a failure is judged on what
    /// it draws when the question is asked; the history's median would under-count a night's draw by several percent,
    /// which decides whether a rack on its tipping point runs away.
    /// </summary>
    private static void UsePresentExhaustRise(ThermalRoom room, ThermalHistory history,
        Dictionary<string, RackThermalParameters> racks, Dictionary<string, ParameterSource> sources)
    {
        if (history.TimesS.Count == 0 || !sources["rack.exhaust_rise"].Calibrated) return;
        var from = history.TimesS[^1] - PresentRiseWindowS;
        var present = 0;
        foreach (var rack in room.Racks)
        {
            if (!history.Racks.TryGetValue(rack.Id, out var h)) continue;
            if (MedianRise(history, h, from, MinimumPresentRiseSamples) is not { } rise) continue;
            racks[rack.Id] = racks[rack.Id] with { ExhaustRiseK = rise.Median };
            present++;
        }
        if (present > 0 && sources.TryGetValue("rack.exhaust_rise", out var source))
            sources["rack.exhaust_rise"] = source with
            {
                Basis = $"{source.Basis}; for the present, the median over the last {PresentRiseWindowS / 60:0} minutes ({present} racks)",
            };
    }

    /// <summary>A rack's median server outlet − inlet from <paramref name="fromS"/> on, and how many samples it read;
    /// null with fewer than <paramref name="minimumSamples"/> or outside a plausible 2–40 K.</summary>
    private static (double Median, int Samples)? MedianRise(ThermalHistory history, RackHistory h, double fromS, int minimumSamples)
    {
        var rises = Enumerable.Range(0, history.TimesS.Count)
            .Where(k => history.TimesS[k] >= fromS && double.IsFinite(h.OutletMeanC[k]) && double.IsFinite(h.InletMeanC[k]) && h.PowerW[k] > 0)
            .Select(k => h.OutletMeanC[k] - h.InletMeanC[k]).Order().ToList();
        if (rises.Count < minimumSamples) return null;
        var median = rises[rises.Count / 2];
        return median is < 2 or > 40 ? null : (median, rises.Count);
    }

    /// <summary>How far back the present exhaust rise is read, s.</summary>
    private const double PresentRiseWindowS = 900;

    /// <summary>Fewest samples in that window to read it from.</summary>
    private const int MinimumPresentRiseSamples = 5;

    private static void FitCracPower(ThermalRoom room, ObservedRoom observed,
        Dictionary<string, CracThermalParameters> cracs, Dictionary<string, ParameterSource> sources)
    {
        var notes = new List<string>();
        foreach (var (crac, i) in room.Cracs.Select((c, i) => (c, i)))
        {
            var defaults = cracs[crac.Id];
            var rows = new List<(double Load, double Supply, double Fan3, double Power)>();
            for (var k = 0; k < observed.Length; k++)
            {
                var (load, supply, power) = (observed.CracLoadW[i][k], observed.CracSupplyC[i][k], observed.CracPowerW[i][k]);
                if (!observed.CracRunning[i][k] || !double.IsFinite(load) || !double.IsFinite(supply) || !double.IsFinite(power)) continue;
                rows.Add((load, supply, Math.Pow(observed.CracFanPct[i][k] / 100, 3), power));
            }
            if (rows.Count < MinimumSamples) continue;
            var supplyVaries = StandardDeviation(rows.Select(r => r.Supply)) > 0.3;
            var ratio = defaults.CompressorInputSlopePerK / defaults.CompressorInputPerWatt;
            var fit = supplyVaries
                ? LinearFit.Fit([.. rows.Select(r => new[] { r.Load, r.Load * (r.Supply - defaults.ReferenceSupplyC), r.Fan3 })], [.. rows.Select(r => r.Power)])
                : LinearFit.Fit([.. rows.Select(r => new[] { r.Load * (1 + ratio * (r.Supply - defaults.ReferenceSupplyC)), r.Fan3 })], [.. rows.Select(r => r.Power)]);
            if (fit is null) continue;
            var input = fit.Coefficients[0];
            var slope = supplyVaries ? fit.Coefficients[1] : ratio * input;
            var fan = fit.Coefficients[^1];
            if (input is < 0.05 or > 1.5 || fan < 0 || fan > crac.CoolingCapacityW || fit.StandardErrors[0] > 0.2 * input) continue;
            cracs[crac.Id] = defaults with { CompressorInputPerWatt = input, CompressorInputSlopePerK = slope, FanPowerW = fan };
            notes.Add($"{crac.Id} COP {1 / input:0.00}{(supplyVaries ? $" ({-slope / input:P1}/K)" : "")} fan {fan / 1000:0.0} kW, R² {fit.RSquared:0.00}");
        }
        if (notes.Count > 0)
            sources["crac.power"] = new("crac.power", true,
                $"least squares of power_w on load, supply and fan³: {string.Join("; ", notes)}" +
                (notes.Count < room.Cracs.Count ? "; others default" : ""));
    }

    private static void FitRecirculation(ThermalRoom room, ObservedRoom observed, ThermalParameters parameters,
        Dictionary<string, RackThermalParameters> racks, Dictionary<string, ParameterSource> sources)
    {
        var plant = new ThermalPlant(room, parameters);
        int slopes = 0, offsets = 0, samples = 0, factors = 0;
        var airflow = new double[room.Cracs.Count];
        var supply = new double[room.Cracs.Count];
        for (var j = 0; j < room.Racks.Count; j++)
        {
            var rack = room.Racks[j];
            if (!observed.History.Racks.TryGetValue(rack.Id, out var h)) continue;
            var current = racks[rack.Id];
            var rows = new List<double[]>();
            var targets = new List<double>();
            var times = new List<int>();
            // Per sample: the warm share's driving difference (return − supply) and the hottest server's rise over supply.
            var drives = new List<double>();
            var hottestRises = new List<double>();
            for (var k = 0; k < observed.Length; k++)
            {
                var returnC = observed.ReturnC[k];
                var hottest = h.InletMaxC[k];
                // Recirculation is a property of the rack's mean intake; the hottest server is fitted on top of it.
                var inlet = double.IsFinite(h.InletMeanC[k]) ? h.InletMeanC[k] : hottest;
                if (!double.IsFinite(returnC) || !double.IsFinite(inlet) || !observed.CracsKnown(k)) continue;
                for (var i = 0; i < airflow.Length; i++)
                {
                    airflow[i] = observed.CracAirflow[i][k];
                    supply[i] = observed.CracSupplyC[i][k];
                }
                var (supplied, supplyC) = plant.RackSupply(j, airflow, supply);
                if (!double.IsFinite(supplyC)) continue;
                var power = double.IsFinite(h.PowerW[k]) ? h.PowerW[k] : rack.ItPowerW;
                var drawn = Math.Max(power, 50) / (Air.VolumetricHeatCapacity * current.ExhaustRiseK);
                var cold = Math.Min(1, supplied / drawn);
                // Warm air is the rack's exhaust mixed with room air, as the plant has it (its measured outlet, else
                // inlet + its exhaust rise).
                var exhaust = double.IsFinite(h.OutletMeanC[k]) ? h.OutletMeanC[k] : inlet + current.ExhaustRiseK;
                var x = ThermalDefaults.ExhaustMakeUpShare * exhaust + (1 - ThermalDefaults.ExhaustMakeUpShare) * returnC - supplyC;
                // inlet = supply + (1 − (1 − r)·cold)·x  ⇒  inlet − supply − (1 − cold)·x = r·(cold·x). Through the
                // origin: the mean of a rack's sensors carries no offset worth fitting, and over a day the drive moves
                // little against its size, so a fitted intercept would trade freely against the slope.
                rows.Add([cold * x]);
                times.Add(k);
                targets.Add(inlet - supplyC - (1 - cold) * x);
                drives.Add(x);
                hottestRises.Add(double.IsFinite(hottest) ? hottest - supplyC : double.NaN);
            }
            if (rows.Count < MinimumSamples) continue;
            samples += rows.Count;
            var fit = rows.Average(r => r[0]) > MinimumDriveK ? Instrumented(rows, targets, times) : null;
            var recirculation = current.Recirculation;
            if (fit is not null && fit.StandardErrors[0] < 0.05 && fit.Coefficients[0] is >= -0.05 and <= 0.95)
            {
                recirculation = Math.Clamp(fit.Coefficients[0], 0, 0.95);
                slopes++;
            }
            // The hottest server's rise over supply against the rack's mean rise: the slope is how many times the mean's
            // warm share it breathes, the intercept what its sensor reads above that. Only a history in which the mean
            // rise moves tells the two apart; otherwise the factor stays at its default and the offset takes the rest.
            var hottestFactor = current.HottestShareFactor;
            var pairs = Enumerable.Range(0, rows.Count).Where(n => double.IsFinite(hottestRises[n])).ToList();
            var meanRises = pairs.Select(n => targets[n] + (1 - (drives[n] != 0 ? rows[n][0] / drives[n] : 1)) * drives[n]).ToList();
            if (pairs.Count >= MinimumSamples && StandardDeviation(meanRises) > MinimumMeanRiseK)
            {
                var hottestFit = Instrumented([.. meanRises.Select(m => new[] { m, 1.0 })], [.. pairs.Select(n => hottestRises[n])],
                    [.. pairs.Select(n => times[n])]);
                if (hottestFit is not null && hottestFit.StandardErrors[0] < 0.1 && hottestFit.Coefficients[0] is >= 0.9 and <= 3.5)
                {
                    hottestFactor = Math.Clamp(hottestFit.Coefficients[0], 1, 3);
                    factors++;
                }
            }
            // What the hottest server reads above the model of it: the rest of its rise over supply.
            var residuals = new List<double>();
            for (var n = 0; n < rows.Count; n++)
            {
                if (!double.IsFinite(hottestRises[n])) continue;
                var warmShare = WarmShare(rows[n], drives[n], recirculation);
                residuals.Add(hottestRises[n] - Math.Min(ThermalDefaults.HighestWarmShare, hottestFactor * warmShare) * drives[n]);
            }
            var offset = residuals.Count > 0 ? residuals.Average() : Enumerable.Range(0, rows.Count).Average(n => targets[n] - recirculation * rows[n][0]);
            racks[rack.Id] = current with { Recirculation = recirculation, InletOffsetK = offset, HottestShareFactor = hottestFactor };
            offsets++;
        }
        if (factors > 0)
            sources["rack.hottest_share"] = new("rack.hottest_share", true,
                $"{factors} of {room.Racks.Count} racks: least squares of the hottest server's rise over supply on the mean's" +
                (factors < room.Racks.Count ? $"; others {ThermalDefaults.HottestShareFactor}" : ""));
        if (slopes > 0)
            sources["rack.recirculation"] = new("rack.recirculation", true,
                $"{slopes} of {room.Racks.Count} racks: least squares of inlet on warm air (exhaust and room) − supply" +
                (slopes < room.Racks.Count ? $"; others {ThermalDefaults.Recirculation} (warm air − supply too steady to tell)" : ""));
        else if (offsets > 0)
            sources["rack.recirculation"] = new("rack.recirculation", false,
                $"{ThermalDefaults.Recirculation} of intake: warm air − supply too steady in the history to tell recirculation apart");
        if (offsets > 0)
            sources["rack.inlet_offset"] = new("rack.inlet_offset", true,
                $"{offsets} of {room.Racks.Count} racks: mean residual of the inlet over {samples} samples");
    }

    /// <summary>The rack's mean warm share in one sample: 1 − (1 − r)·cold, where the sample's row holds cold·x.</summary>
    private static double WarmShare(double[] row, double drive, double recirculation) =>
        1 - (1 - recirculation) * (drive != 0 ? row[0] / drive : 1);

    /// <summary>
    /// Least squares of <paramref name="targets"/> on <paramref name="rows"/> with each row instrumented by the row
    /// <see cref="InstrumentLag"/> samples earlier: the supply air's sensor noise sits in both the target (inlet − supply)
    /// and the regressor (warm air − supply) and would bias the slope up by its variance over the regressor's
    /// (errors in variables), while the readings of a few samples before vary with the same load but not the same noise.
    /// </summary>
    private static LinearFit? Instrumented(List<double[]> rows, List<double> targets, List<int> times)
    {
        var byTime = new Dictionary<int, int>(times.Count);
        for (var n = 0; n < times.Count; n++) byTime[times[n]] = n;
        var (x, z, y) = (new List<double[]>(), new List<double[]>(), new List<double>());
        for (var n = 0; n < rows.Count; n++)
        {
            if (!byTime.TryGetValue(times[n] - InstrumentLag, out var earlier)) continue;
            x.Add(rows[n]);
            z.Add(rows[earlier]);
            y.Add(targets[n]);
        }
        return x.Count >= MinimumSamples ? LinearFit.FitInstrumented(x, z, y) : null;
    }

    /// <summary>Each running unit's supply swing (<see cref="CracHunt.Fit"/>), where its history shows one.</summary>
    private static Dictionary<string, CracHunt>? FitHunts(ThermalRoom room, ThermalHistory history, Dictionary<string, ParameterSource> sources)
    {
        if (history.TimesS.Count < 2) return null;
        var bin = history.TimesS[1] - history.TimesS[0];
        var hunts = new Dictionary<string, CracHunt>(StringComparer.Ordinal);
        foreach (var crac in room.Cracs.Where(c => c.Running))
        {
            if (history.Cracs.TryGetValue(crac.Id, out var h) && CracHunt.Fit(history.Start, history.TimesS, h.SupplyC, bin) is { } hunt)
                hunts[crac.Id] = hunt;
        }
        if (hunts.Count == 0) return null;
        sources["crac.hunt"] = new("crac.hunt", true, $"{hunts.Count} of {room.Cracs.Count} units' supply swings steadily: "
            + string.Join(", ", hunts.Select(p => $"{p.Key} ±{p.Value.AmplitudeC:0.00} K every {p.Value.PeriodS / 60:0.0} min (R² {p.Value.FitR2:0.00})"))
            + $"; carried on from the present, the rest of each unit's present supply returns to the setpoint within {ThermalDefaults.PresentDeviationS:0} s");
        return hunts;
    }

    private static double FitHeatCapacity(ThermalRoom room, ObservedRoom observed,
        Dictionary<string, RackThermalParameters> racks, double fallback, Dictionary<string, ParameterSource> sources)
    {
        var history = observed.History;
        if (history.TimesS.Count < 2) return fallback;
        var bin = history.TimesS[1] - history.TimesS[0];
        var window = Math.Max(1, (int)Math.Round(60 / bin));
        var heat = new double[observed.Length];
        var equipment = new double[observed.Length];
        var haveOutlets = room.Racks.All(r => history.Racks.TryGetValue(r.Id, out var h) && h.OutletMeanC.Any(double.IsFinite));
        for (var k = 0; k < observed.Length; k++)
        {
            var it = 0.0;
            foreach (var rack in room.Racks)
                it += history.Racks.TryGetValue(rack.Id, out var h) ? h.PowerW[k] : double.NaN;
            var cooling = 0.0;
            for (var i = 0; i < room.Cracs.Count; i++)
                cooling += observed.CracRunning[i][k] ? observed.CracLoadW[i][k] : 0;
            heat[k] = it - cooling;
            var stored = 0.0;
            foreach (var rack in room.Racks)
                stored += haveOutlets ? racks[rack.Id].HeatCapacityJPerK * history.Racks[rack.Id].OutletMeanC[k] : 0;
            equipment[k] = stored;
        }
        var rows = new List<double[]>();
        var targets = new List<double>();
        // Non-overlapping windows: the mean net heat over two windows against the change of their mean temperatures.
        for (var k = window; k + window <= observed.Length; k += 2 * window)
        {
            var dt = window * bin;
            var before = Mean(observed.ReturnC, k - window, k);
            var after = Mean(observed.ReturnC, k, k + window);
            var net = Mean(heat, k - window, k + window);
            var eqBefore = Mean(equipment, k - window, k);
            var eqAfter = Mean(equipment, k, k + window);
            if (!double.IsFinite(before) || !double.IsFinite(after) || !double.IsFinite(net) || !double.IsFinite(eqBefore) || !double.IsFinite(eqAfter)) continue;
            rows.Add(haveOutlets ? [(after - before) / dt, (eqAfter - eqBefore) / dt, 1] : [(after - before) / dt, 1]);
            targets.Add(net);
        }
        var airOnly = ThermalDefaults.VolumeM3(room) * Air.VolumetricHeatCapacity;
        var fit = rows.Count >= MinimumSamples ? LinearFit.Fit(rows, targets) : null;
        if (fit is null || fit.Coefficients[0] <= 0 || fit.StandardErrors[0] > 0.25 * fit.Coefficients[0]
            || fit.Coefficients[0] < 0.3 * airOnly || fit.Coefficients[0] > 30 * airOnly)
        {
            sources["room.heat_capacity"] = sources["room.heat_capacity"] with
            {
                Basis = sources["room.heat_capacity"].Basis + $"; the history's transients ({rows.Count} windows) do not identify it",
            };
            return fallback;
        }
        var capacity = fit.Coefficients[0];
        var note = $"least squares of the heat balance over {rows.Count} one-minute windows: {capacity / airOnly:0.0} × the air's ({capacity / 1e6:0.00} MJ/K)";
        if (haveOutlets && fit.Coefficients[1] is var kappa && kappa > 0.2 && kappa < 5 && fit.StandardErrors[1] < 0.3 * kappa)
        {
            foreach (var rack in room.Racks) racks[rack.Id] = racks[rack.Id] with { HeatCapacityJPerK = racks[rack.Id].HeatCapacityJPerK * kappa };
            sources["rack.heat_capacity"] = new("rack.heat_capacity", true, $"same fit: {kappa:0.00} × the default per server");
        }
        sources["room.heat_capacity"] = new("room.heat_capacity", true, note);
        return capacity;
    }

    private static double Mean(double[] values, int from, int to)
    {
        var sum = 0.0;
        for (var k = from; k < to; k++) sum += values[k];
        return sum / (to - from);
    }

    internal static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2) return 0;
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}
