using DigitalTwin.Models.Thermal;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// Finds CRAC setpoints and fan speeds that minimise the room's predicted steady cooling power (compressor, cheaper
/// with warmer supply, plus fans, ∝ speed³) subject to every rack inlet ≤ its limit − margin (and, when asked, every
/// rack's cold-air share at or above a floor, and every rack within a failure limit should any one unit stop), and to
/// each unit's setpoint range, lowest fan speed and largest step per change.
/// </summary>
/// <remarks>
/// The inequality constraints are handled by an augmented Lagrangian (Powell–Hestenes–Rockafellar, one multiplier
/// per rack and constraint), each subproblem minimised by MathNet's Nelder–Mead simplex over settings scaled to [0, 1] between their
/// bounds; the multipliers and the penalty weight are updated between subproblems. If the last point still breaks a
/// constraint, feasibility is restored by bisection along the segment from a feasible point (the present settings,
/// or the most cooling the steps allow) towards it, so the answer is never worse than where it started.
/// </remarks>
public static class CoolingOptimiser
{
    private const int OuterIterations = 8;
    private const int InnerIterations = 1500;
    private const double ShareScaleK = 10;

    /// <summary>Spread of inlets from the bottom to the top of a rack assumed for its fan ramp, K.</summary>
    private const double FanRampSpreadK = 2;

    /// <summary>Seconds of time-to-limit that weigh as one kelvin in the constraints.</summary>
    private const double TimeScaleS = 10;

    /// <summary>A recommendation for the room's running CRACs.</summary>
    public static CoolingRecommendation Recommend(ThermalRoom room, ThermalParameters parameters, CoolingConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(parameters);
        constraints ??= new CoolingConstraints();
        var response = constraints.Response ?? new FailureResponse();
        var running = room.Cracs.Where(c => c.Running).ToList();
        var current = running.Select(c => new CracSetting(c.Id, c.SetpointC, c.FanPct)).ToList();
        var evaluations = 0;
        var bounds = Bounds(running, constraints);

        // N+1 is judged only where one unit can be lost at all.
        var losses = constraints.FailureLimitC > 0 && running.Count > 1 ? running : [];
        var start = current.SelectMany(s => new[] { s.SetpointC, s.FanPct }).ToArray();
        // Per loss, the time a rack takes to reach the critical limit at the present settings with the loop's response;
        // null where the room survives that loss today. Decided once, before the search.
        double?[] todayTimeToLimitS = [.. losses.Select(_ => (double?)null)];
        Judged? present = null;
        IReadOnlyDictionary<string, double>?[] failureFloors = [];
        Judged Evaluate(IReadOnlyList<double> x)
        {
            evaluations += 1 + (constraints.FailureColdAirShare > 0 ? 2 : 1) * losses.Count;
            var applied = Apply(room, running, x);
            var point = new RoomThermalModel(applied, parameters).SteadyState();
            // Every loss is followed over time: its steady state with nobody responding is no bound on the course, in
            // which the servers' fans speed up as their inlets warm and a starved rack runs away (a loss screened out
            // at 27 °C steady peaked at 35.6 °C over time).
            var transients = losses.Select(f => LossTransient.Follow(applied, parameters, f.Id, response, constraints.FailureLimitC)).ToArray();
            // Each rack's cold air after each loss with nobody responding yet, for the air floor.
            var lost = constraints.FailureColdAirShare <= 0 ? [] : losses.Select(f => new RoomThermalModel(applied with
            {
                Cracs = [.. applied.Cracs.Select(c => c.Id == f.Id ? c with { Running = false } : c)],
            }, parameters).SteadyState()).Select(l => l.Steady ? l : null).ToArray();
            return new Judged(point, transients, lost);
        }
        // One constraint per rack on its inlet (K over its limit less the margin); when asked, one per rack on its
        // cold-air share (scaled so 0.1 of share weighs as 1 K); per unit that may be lost, one on N+1 over time.
        double[] Violations(Judged judged) =>
        [
            .. room.Racks.Select(r => judged.Point.Steady
                ? judged.Point.RackInletC[r.Id] - (constraints.LimitFor(r.Id) - constraints.SafetyMarginK)
                : 50),
            .. constraints.MinColdAirShare > 0
                // Of what the rack will draw there: its servers' fans speed up as the settings warm their inlets (the
                // steady state keeps today's draw), and a rack short of air breathes exhaust, which speeds them up more.
                ? room.Racks.Select(r => judged.Point.Steady
                    ? ShareScaleK * (constraints.MinColdAirShare * (present is null ? 1 : DrawGrowth(r.Id, present.Point, judged.Point)) - judged.Point.RackSupplyShare[r.Id])
                    : 50)
                : [],
            .. losses.Select((_, i) => Math.Min(50, LossViolation(judged.Transients[i], todayTimeToLimitS[i]))),
            .. failureFloors.SelectMany((floor, i) => floor is null ? [] : room.Racks.Select(r => judged.Point.Steady && judged.FailureStates[i] is { } lost
                ? ShareScaleK * (floor[r.Id] * DrawGrowth(r.Id, present!.Point, judged.Point) - lost.RackSupplyShare[r.Id])
                : 50)),
        ];
        // Each rack's server draw relative to today's: server fans speed up as inlets warm (the steady state keeps
        // today's draw), so warmer settings need more cold air to leave a rack as well fed as it is now.
        // With the draw's base known the steady states already have the fans where their inlets put them.
        double DrawGrowth(string rackId, ThermalOperatingPoint now, ThermalOperatingPoint next) =>
            parameters.FanBase is not null ? 1 : FanRamp(next.RackInletC[rackId]) / FanRamp(now.RackInletC[rackId]);
        double LossViolation(LossTransient transient, double? todayS)
        {
            // Not survived even today: no rack may reach the critical limit sooner than it would today.
            if (todayS is { } today) return transient.TimeToLimitS is { } s ? (today - response.TimeToLimitToleranceS - s) / TimeScaleS : -1;
            // Survived today: no rack may reach the critical limit at all, neither on the way nor once the room settles.
            return Math.Max(transient.PeakC, transient.SettledC) - (constraints.FailureLimitC - constraints.FailureMarginK);
        }

        var before = Evaluate(start);
        // A unit whose loss takes a rack past the critical limit even at the present settings, with the loop's response,
        // is a fact of the room's design that no setting can keep: holding every recommendation to it would forbid any
        // saving. It is reported (the failure checks below) and held to today's time to the limit instead.
        for (var i = 0; i < losses.Count; i++)
            if (before.Transients[i] is { TimeToLimitS: { } s }) todayTimeToLimitS[i] = s;
        var notKept = losses.Where((_, i) => todayTimeToLimitS[i] is not null).Select(c => c.Id).ToList();
        // N+1 kept without trusting the model's absolute air distribution after a loss, which a steady history cannot
        // show (how much of a lost unit's air its neighbours make up depends on where the air goes under the floor; the
        // model gave a rack 0.92 of its draw where the simulator's aisles gave 0.83, and a recommendation held only to
        // the model's transient took a rack to 36–39 °C): after the loss of any unit, with nobody responding yet, no rack
        // may get less cold air for what it draws than it would after that loss today, up to an ample share
        // (FailureColdAirShare × its draw) above which the model's error on where the air goes cannot starve it.
        present = before;
        // A loss the room cannot carry at all today (no steady state) has no share to keep; its time to the limit binds.
        if (constraints.FailureColdAirShare > 0)
            failureFloors = [.. before.FailureStates.Select(lost => lost?.RackSupplyShare.ToDictionary(p => p.Key, p => Math.Min(p.Value, constraints.FailureColdAirShare), StringComparer.Ordinal))];
        var scale = Math.Max(before.Point.CoolingPowerW, 1);
        var multipliers = new double[Violations(before).Length];
        var penalty = 10.0;
        var best = Normalise(start.Select((v, k) => Math.Clamp(v, bounds[k].Low, bounds[k].High)).ToArray(), bounds);
        var lastWorst = double.PositiveInfinity;
        for (var outer = 0; outer < OuterIterations && running.Count > 0; outer++)
        {
            double Lagrangian(Vector<double> u)
            {
                var x = Denormalise(u, bounds);
                var judged = Evaluate(x);
                var g = Violations(judged);
                var value = judged.Point.CoolingPowerW / scale;
                for (var j = 0; j < g.Length; j++)
                {
                    var shifted = Math.Max(0, multipliers[j] + penalty * g[j]);
                    value += (shifted * shifted - multipliers[j] * multipliers[j]) / (2 * penalty);
                }
                // Outside the unit box: pushed back in (the settings are clamped, so the value would be flat there).
                return value + u.Sum(v => v < 0 ? v * v : v > 1 ? (v - 1) * (v - 1) : 0) * 100;
            }
            var result = TryMinimise(Lagrangian, best);
            best = result.Map(v => Math.Clamp(v, 0, 1));
            var g = Violations(Evaluate(Denormalise(best, bounds)));
            for (var j = 0; j < g.Length; j++) multipliers[j] = Math.Max(0, multipliers[j] + penalty * g[j]);
            var worst = g.DefaultIfEmpty(0).Max();
            if (worst > 0.25 * lastWorst && worst > 0.01) penalty *= 4;
            lastWorst = Math.Max(worst, 0);
        }

        var chosen = Denormalise(best, bounds);
        var after = Evaluate(chosen);
        var method = $"augmented Lagrangian ({OuterIterations} rounds, penalty up to {penalty:0}) with Nelder–Mead subproblems";
        if (notKept.Count > 0)
            method += $"; N+1 not held for {string.Join(", ", notKept)} at the present settings either (a rack reaches {constraints.FailureLimitC:0.#} °C "
                + $"{string.Join(", ", notKept.Select(id => $"{todayTimeToLimitS[losses.FindIndex(c => c.Id == id)]:0} s"))} after the loss): held to no sooner than that";
        if (Violations(after).DefaultIfEmpty(0).Max() > 0)
        {
            // Feasibility restoration: walk back towards a feasible point until every rack is within its limit.
            var startClamped = start.Select((v, k) => Math.Clamp(v, bounds[k].Low, bounds[k].High)).ToArray();
            var anchor = Violations(Evaluate(startClamped)).DefaultIfEmpty(0).Max() <= 0 ? startClamped : MostCooling(bounds);
            var anchorFeasible = Violations(Evaluate(anchor)).DefaultIfEmpty(0).Max() <= 0;
            if (anchorFeasible)
            {
                double low = 0, high = 1;
                for (var k = 0; k < 30; k++)
                {
                    var mid = 0.5 * (low + high);
                    if (Violations(Evaluate(Blend(anchor, chosen, mid))).Max() <= 0) low = mid; else high = mid;
                }
                chosen = Blend(anchor, chosen, low);
                method += $"; feasibility restored at {low:P0} of the way from a feasible point";
            }
            else
            {
                chosen = anchor;
                method += "; no setting within the steps keeps every rack within its limit: most cooling recommended";
            }
            after = Evaluate(chosen);
        }
        var feasible = Violations(after).DefaultIfEmpty(0).Max() <= 1e-9;
        var recommended = running.Select((c, i) => new CracSetting(c.Id, Math.Round(chosen[2 * i], 1), Math.Round(chosen[2 * i + 1], 1))).ToList();
        // Rounded settings are what a unit is sent; judge those.
        var rounded = recommended.SelectMany(s => new[] { s.SetpointC, s.FanPct }).ToArray();
        var roundedPoint = Evaluate(rounded);
        if (Violations(roundedPoint).DefaultIfEmpty(0).Max() <= 1e-9 || !feasible)
            after = roundedPoint;
        else
        {
            recommended = running.Select((c, i) => new CracSetting(c.Id, chosen[2 * i], chosen[2 * i + 1])).ToList();
            rounded = chosen;
        }
        var recommendedRoom = Apply(room, running, rounded);
        var checks = running.Select(c => FailureCheck(recommendedRoom, parameters, constraints, losses.Count > 0 ? response : null, c.Id, ref evaluations)).ToList();
        return new CoolingRecommendation(current, recommended, before.Point.CoolingPowerW, after.Point.CoolingPowerW, before.Point.RackInletC,
            after.Point.RackInletC, feasible, checks, evaluations, method);
    }

    /// <summary>A candidate's steady state, and per unit that may be lost (when N+1 is judged) the hottest steady inlet
    /// were it lost with nobody responding, and the loss followed over time with the response where it was followed.</summary>
    private sealed record Judged(ThermalOperatingPoint Point, LossTransient[] Transients, ThermalOperatingPoint?[] FailureStates);

    /// <summary>Server airflow at a rack's highest inlet relative to the ramp's start (the hottest server's fans answer first).</summary>
    private static double FanRamp(double hottestC) => ThermalDefaults.FanRamp(hottestC - FanRampSpreadK, hottestC);

    private static CracFailureCheck FailureCheck(ThermalRoom room, ThermalParameters parameters, CoolingConstraints constraints, FailureResponse? response,
        string failed, ref int evaluations)
    {
        var without = room with { Cracs = [.. room.Cracs.Select(c => c.Id == failed ? c with { Running = false } : c)] };
        var responded = without with
        {
            Cracs = [.. without.Cracs.Select(c => c.Running ? c with { SetpointC = c.SetpointMinC, FanPct = 100 } : c)],
        };
        evaluations += 2;
        var atSettings = new RoomThermalModel(without, parameters).SteadyState();
        var afterResponse = new RoomThermalModel(responded, parameters).SteadyState();
        var hottest = atSettings.RackInletC.MaxBy(p => p.Value);
        bool Within(ThermalOperatingPoint p) => p.Steady && room.Racks.All(r => p.RackInletC[r.Id] <= constraints.LimitFor(r.Id));
        var transient = response is null ? null : LossTransient.Follow(room, parameters, failed, response, constraints.FailureLimitC);
        evaluations += transient is null ? 0 : 1;
        return new CracFailureCheck(failed, hottest.Key, hottest.Value, Within(atSettings),
            afterResponse.RackInletC.Values.DefaultIfEmpty(double.NaN).Max(), Within(afterResponse),
            transient?.PeakC, transient?.PeakRackId, transient?.TimeToLimitS);
    }

    private static Vector<double> TryMinimise(Func<Vector<double>, double> f, Vector<double> start)
    {
        // Remember the best point seen, so a subproblem that runs out of iterations still returns its progress.
        var bestValue = double.PositiveInfinity;
        var bestPoint = start;
        var objective = ObjectiveFunction.Value(u =>
        {
            var value = f(u);
            if (value < bestValue)
            {
                bestValue = value;
                bestPoint = u.Clone();
            }
            return value;
        });
        var step = Vector<double>.Build.Dense(start.Count, 0.15);
        try
        {
            return NelderMeadSimplex.Minimum(objective, start, step, 1e-7, InnerIterations).MinimizingPoint;
        }
        catch (MaximumIterationsException)
        {
            return bestPoint;
        }
    }

    private static (double Low, double High)[] Bounds(List<ThermalCrac> running, CoolingConstraints constraints) =>
    [
        .. running.SelectMany(c => new[]
        {
            (Math.Max(c.SetpointMinC, c.SetpointC - constraints.MaxSetpointStepK), Math.Min(c.SetpointMaxC, c.SetpointC + constraints.MaxSetpointStepK)),
            (Math.Max(c.FanMinPct, c.FanPct - constraints.MaxFanStepPct), Math.Min(100, c.FanPct + constraints.MaxFanStepPct)),
        }).Select(b => b.Item1 <= b.Item2 ? b : (b.Item2, b.Item2)),
    ];

    private static double[] MostCooling((double Low, double High)[] bounds) =>
        [.. bounds.Select((b, k) => k % 2 == 0 ? b.Low : b.High)];

    private static double[] Blend(double[] from, double[] to, double share) => [.. from.Select((v, k) => v + share * (to[k] - v))];

    private static Vector<double> Normalise(double[] x, (double Low, double High)[] bounds) =>
        Vector<double>.Build.Dense(x.Length, k => bounds[k].High > bounds[k].Low ? (x[k] - bounds[k].Low) / (bounds[k].High - bounds[k].Low) : 0);

    private static double[] Denormalise(Vector<double> u, (double Low, double High)[] bounds) =>
        [.. Enumerable.Range(0, u.Count).Select(k => bounds[k].Low + Math.Clamp(u[k], 0, 1) * (bounds[k].High - bounds[k].Low))];

    private static ThermalRoom Apply(ThermalRoom room, List<ThermalCrac> running, IReadOnlyList<double> x)
    {
        var settings = running.Select((c, i) => (c.Id, Setpoint: x[2 * i], Fan: x[2 * i + 1])).ToDictionary(s => s.Id);
        return room with
        {
            Cracs = [.. room.Cracs.Select(c => settings.TryGetValue(c.Id, out var s) ? c with { SetpointC = s.Setpoint, FanPct = s.Fan } : c)],
        };
    }
}
