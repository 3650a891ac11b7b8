using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Rollups;

/// <summary>
/// Computes a twin's rollup from its own contribution and its children's latest reports. Every level uses the same
/// rule, so a rack sums its servers, a room its racks and CRACs, and a data centre its rooms.
/// </summary>
public static class RollupCalculator
{
    /// <summary>
    /// Keys a container adds to its report's metrics so its parent can average inlet temperature exactly over
    /// servers, not over racks of different sizes.
    /// </summary>
    public const string InletSum = "rollup.inlet_temp_c.sum";

    /// <summary>How many servers the inlet sum covers.</summary>
    public const string InletCount = "rollup.inlet_temp_c.count";

    /// <summary>
    /// The rollup of a twin. Own contribution: a server or switch adds its <c>power_w</c> to IT power (PDUs and UPSs
    /// pass that same power through, so counting them would count it twice); a server adds its inlet temperature;
    /// a CRAC adds its rated cooling capacity and its <c>cooling_load_w</c>; a rack adds its power budget. Counts by
    /// kind cover the whole subtree including the twin; counts by health cover the twins that take telemetry.
    /// </summary>
    public static RollupResult Compute(
        TwinSpec spec, HealthStatus ownHealth, IReadOnlyDictionary<string, MetricValue> latest, int ownOpenAlerts,
        IEnumerable<ChildReport> children, DateTimeOffset asOf)
    {
        var takesTelemetry = spec.Kind.LevelOf() >= TwinLevel.Asset;
        var kinds = new Dictionary<TwinKind, int> { [spec.Kind] = 1 };
        var healths = new Dictionary<HealthStatus, int>();
        if (takesTelemetry) healths[ownHealth] = 1;
        var worst = takesTelemetry ? ownHealth : HealthStatus.Unknown;
        var itPower = spec.Kind is TwinKind.Server or TwinKind.NetworkSwitch ? Value(latest, MetricNames.Power) ?? 0 : 0;
        double inletSum = 0, inletCount = 0;
        double? inletMax = null;
        if (spec.Kind == TwinKind.Server && Value(latest, MetricNames.InletTemperature) is { } inlet)
        {
            inletSum = inlet;
            inletCount = 1;
            inletMax = inlet;
        }
        var coolingCapacity = spec.Kind == TwinKind.Crac ? Rated(spec, RatedProperties.CoolingCapacity) ?? 0 : 0;
        var coolingLoad = spec.Kind == TwinKind.Crac ? Value(latest, MetricNames.CoolingLoad) ?? 0 : 0;
        var budget = spec.Kind == TwinKind.Rack ? Rated(spec, RatedProperties.PowerBudget) : null;
        var alerts = ownOpenAlerts;

        foreach (var report in children)
        {
            var r = report.Rollup;
            if (r is null) continue;
            itPower += r.ItPowerW;
            coolingCapacity += r.CoolingCapacityW;
            coolingLoad += r.CoolingLoadW;
            alerts += r.OpenAlerts;
            if (r.WorstHealth > worst) worst = r.WorstHealth;
            if (r.PowerBudgetW is { } b) budget = (budget ?? 0) + b;
            foreach (var (kind, n) in r.CountsByKind) kinds[kind] = kinds.GetValueOrDefault(kind) + n;
            foreach (var (health, n) in r.CountsByHealth) healths[health] = healths.GetValueOrDefault(health) + n;
            if (r.MaxInletC is { } max) inletMax = inletMax is { } m ? Math.Max(m, max) : max;
            if (report.Metrics.TryGetValue(InletCount, out var count) && report.Metrics.TryGetValue(InletSum, out var sum))
            {
                inletSum += sum;
                inletCount += count;
            }
            else if (r.MeanInletC is { } mean)
            {
                inletSum += mean;
                inletCount += 1;
            }
        }

        var rollup = new TwinRollup(
            spec.Id, spec.Kind, asOf, itPower, inletMax, inletCount > 0 ? inletSum / inletCount : null,
            coolingCapacity, coolingLoad, worst, kinds, healths, alerts, budget);
        return new RollupResult(rollup, inletSum, inletCount);
    }

    /// <summary>
    /// The metrics a twin puts in its report: its latest values (at most <paramref name="maxMetrics"/>: the well-known
    /// ones first, then the others in the order the twin holds them), and for a twin with children the exact inlet sum
    /// and count of its subtree.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ReportMetrics(
        IReadOnlyDictionary<string, MetricValue> latest, RollupResult result, bool hasChildren, int maxMetrics = int.MaxValue)
    {
        var metrics = new Dictionary<string, double>(Math.Min(latest.Count, Math.Max(0, maxMetrics)) + 2, StringComparer.Ordinal);
        foreach (var (metric, value) in latest.Where(m => WellKnownMetrics.Contains(m.Key)).Concat(latest.Where(m => !WellKnownMetrics.Contains(m.Key))))
        {
            if (metrics.Count >= maxMetrics) break;
            metrics[metric] = value.Value;
        }
        if (hasChildren && result.InletCount > 0)
        {
            metrics[InletSum] = result.InletSum;
            metrics[InletCount] = result.InletCount;
        }
        return metrics;
    }

    /// <summary>
    /// The report a twin sends its parent: its rollup's worst health, its report metrics (see
    /// <see cref="ReportMetrics"/>) and the rollup itself. One definition, so a report built for a twin before it ever
    /// ran (a bulk import's first states) is the one the twin would build.
    /// </summary>
    public static ChildReport Report(
        string twinId, TwinKind kind, IReadOnlyDictionary<string, MetricValue> latest, RollupResult result, bool hasChildren, int maxMetrics) =>
        new(twinId, kind, result.Rollup.WorstHealth, ReportMetrics(latest, result, hasChildren, maxMetrics),
            result.Rollup, result.Rollup.OpenAlerts, result.Rollup.AsOf);

    private static double? Value(IReadOnlyDictionary<string, MetricValue> latest, string metric) =>
        latest.TryGetValue(metric, out var v) ? v.Value : null;

    private static double? Rated(TwinSpec spec, string property) =>
        spec.Rated is not null && spec.Rated.TryGetValue(property, out var v) ? v : null;
}
