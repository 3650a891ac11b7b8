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

    /// <summary>Cold air after a unit's loss, as a multiple of what a rack draws, above which the N+1 floor stops
    /// asking for as much as today: twice the draw leaves room for the model's error on where the air goes (about
    /// 1.4× against the simulator's aisles) and still lets an over-cooled room save.</summary>
    private const double FailureColdAirShareCap = 2.0;

    /// <summary>Spread of inlets from the bottom to the top of a rack assumed for its fan ramp, K.</summary>
    private const double FanRampSpreadK = 2;

    /// <summary>A recommendation for the room's running CRACs.</summary>
    public static CoolingRecommendation Recommend(ThermalRoom room, ThermalParameters parameters, CoolingConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(parameters);
        constraints ??= new CoolingConstraints();
        var running = room.Cracs.Where(c => c.Running).ToList();
        var current = running.Select(c => new CracSetting(c.Id, c.SetpointC, c.FanPct)).ToList();
        var evaluations = 0;
        var bounds = Bounds(running, constraints);

        // N+1 at the new settings is judged only where one unit can be lost at all.
        var failures = constraints.FailureLimitC > 0 && running.Count > 1 ? running : [];
        var start = current.SelectMany(s => new[] { s.SetpointC, s.FanPct }).ToArray();
        Judged? present = null;
        IReadOnlyDictionary<string, double>[] failureFloors = [];
        Judged Evaluate(IReadOnlyList<double> x)
        {
            evaluations += 1 + failures.Count;
            var applied = Apply(room, running, x);
            var point = new RoomThermalModel(applied, parameters).SteadyState();
            var lost = failures.Select(f => new RoomThermalModel(applied with
            {
                Cracs = [.. applied.Cracs.Select(c => c.Id == f.Id ? c with { Running = false } : c)],
            }, parameters).SteadyState()).ToArray();
            var hottest = lost.Select(l => l.Steady ? l.RackInletC.Values.DefaultIfEmpty(0).Max() : double.PositiveInfinity).ToArray();
            return new Judged(point, hottest, [.. lost.Select(l => l.RackSupplyShare)]);
        }
        // Each rack's server draw relative to today's: server fans speed up as inlets warm (the steady state keeps
        // today's draw), so warmer settings need more cold air to leave a rack as well fed as it is now.
        double DrawGrowth(string rackId, ThermalOperatingPoint now, ThermalOperatingPoint next) =>
            FanRamp(next.RackInletC[rackId]) / FanRamp(now.RackInletC[rackId]);
        // One constraint per rack on its inlet (K over its limit less the margin); when asked, one per rack on its
        // cold-air share (scaled so 0.1 of share weighs as 1 K) and one per unit on the hottest inlet if it failed.
        double[] Violations(Judged judged) =>
        [
            .. room.Racks.Select(r => judged.Point.Steady
                ? judged.Point.RackInletC[r.Id] - (constraints.LimitFor(r.Id) - constraints.SafetyMarginK)
                : 50),
            .. constraints.MinColdAirShare > 0
                ? room.Racks.Select(r => judged.Point.Steady ? ShareScaleK * (constraints.MinColdAirShare - judged.Point.RackSupplyShare[r.Id]) : 50)
                : [],
            .. judged.FailureHottestC.Select(t => Math.Min(50, t - constraints.FailureLimitC)),
            .. failureFloors.SelectMany((floor, u) => room.Racks.Select(r => judged.Point.Steady && judged.FailureShares[u].TryGetValue(r.Id, out var share)
                ? ShareScaleK * (floor[r.Id] * DrawGrowth(r.Id, present!.Point, judged.Point) - share)
                : 50)),
        ];

        var before = Evaluate(start);
        // A unit whose loss already takes a rack past the failure limit at the present settings is a fact of the room's
        // design, not something a setting can keep: holding every recommendation to it would forbid any saving. Its
        // case is reported (the failure checks below), and only the units whose loss the room survives today bind.
        var notKept = failures.Where((_, i) => before.FailureHottestC[i] > constraints.FailureLimitC).Select(c => c.Id).ToList();
        if (notKept.Count > 0)
        {
            failures = [.. failures.Where(c => !notKept.Contains(c.Id))];
            before = Evaluate(start);
        }
        // N+1 kept without trusting the model's absolute air distribution, which it cannot see in a steady history
        // (how much of a lost unit's air its neighbours make up depends on where the air goes under the floor, and a
        // room model that spread it evenly called a loss at 40 % fan survivable that the simulator's aisles did not
        // survive): for every unit whose loss the room survives today, no rack may get less cold air for what it
        // draws, after that loss, than it would today. Above ample (FailureColdAirShareCap × draw) the floor is the cap.
        present = before;
        failureFloors = constraints.FailureLimitC > 0
            ? [.. before.FailureShares.Select(shares => shares.ToDictionary(p => p.Key, p => Math.Min(p.Value, FailureColdAirShareCap), StringComparer.Ordinal))]
            : [];
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
            method += $"; N+1 not held for {string.Join(", ", notKept)} at the present settings either, so not a constraint";
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
        var checks = running.Select(c => FailureCheck(recommendedRoom, parameters, constraints, c.Id, ref evaluations)).ToList();
        return new CoolingRecommendation(current, recommended, before.Point.CoolingPowerW, after.Point.CoolingPowerW, before.Point.RackInletC,
            after.Point.RackInletC, feasible, checks, evaluations, method);
    }

    /// <summary>A candidate's steady state, and per running unit (when N+1 is judged) the hottest inlet were it lost.</summary>
    private sealed record Judged(ThermalOperatingPoint Point, double[] FailureHottestC, IReadOnlyDictionary<string, double>[] FailureShares);

    /// <summary>Server airflow at a rack's highest inlet relative to the ramp's start (the hottest server's fans answer first).</summary>
    private static double FanRamp(double hottestC) => ThermalDefaults.FanRamp(hottestC - FanRampSpreadK, hottestC);

    private static CracFailureCheck FailureCheck(ThermalRoom room, ThermalParameters parameters, CoolingConstraints constraints, string failed,
        ref int evaluations)
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
        return new CracFailureCheck(failed, hottest.Key, hottest.Value, Within(atSettings),
            afterResponse.RackInletC.Values.DefaultIfEmpty(double.NaN).Max(), Within(afterResponse));
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
