using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Rollups;
using DigitalTwin.Grains.Telemetry;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A device may send dozens of metric names a twin accepts (up to MaxMetricsPerTwin). What each costs must stay small
/// and bounded per twin: the recent windows share one budget of points, and the report a parent keeps (and the change
/// feeds carry) holds a bounded number of metrics, the well-known ones first.
/// </summary>
public sealed class Junk_metric_names_hold_bounded_memory
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Windows_of_many_names_share_the_twins_point_budget_while_a_few_names_get_full_windows()
    {
        var options = new TwinOptions { RecentWindowSize = 120, MaxRecentPointsPerTwin = 600, MaxMetricsPerTwin = 64 };
        var few = new TelemetryLedger(options);
        var fewState = new TwinState();
        var many = new TelemetryLedger(options);
        var manyState = new TwinState();

        for (var i = 0; i < 200; i++)
        {
            var at = Now.AddSeconds(i - 200);
            few.Apply(fewState, [new Reading("power_w", i, at), new Reading("inlet_temp_c", i, at)], Now);
            many.Apply(manyState, [.. Enumerable.Range(0, 64).Select(m => new Reading($"m{m}", i, at))], Now);
        }

        Assert.Equal(120, few.Window("power_w").Points.Count);
        Assert.Equal(Enumerable.Range(80, 120).Select(i => (double)i), few.Window("inlet_temp_c").Points.Select(p => p.Value));
        var held = Enumerable.Range(0, 64).Sum(m => many.Window($"m{m}").Points.Count);
        // Each window may finish the doubling it started when the budget ran out, and has at least its first points.
        Assert.InRange(held, 64 * 4, 600 + 64 * 4 + 120);
        Assert.All(Enumerable.Range(0, 64), m => Assert.Equal(199, many.Window($"m{m}").Points[^1].Value));
    }

    [Fact]
    public void Undeclared_names_beyond_their_bound_are_refused_while_declared_ones_are_taken()
    {
        var options = new TwinOptions { MaxMetricsPerTwin = 64, MaxUndeclaredMetricsPerTwin = 8 };
        var spec = new TwinSpec("srv", TwinKind.Server, "rack", Limits: new Dictionary<string, MetricLimit> { ["gpu_temp_c"] = new(WarnAbove: 85) });
        var ledger = new TelemetryLedger(options);
        var state = new TwinState();
        bool Declared(string metric) => MetricDeclarations.IsDeclared(spec, metric);

        var junk = ledger.Apply(state, [.. Enumerable.Range(0, 20).Select(m => new Reading($"m{m}", m, Now))], Now, declared: Declared);
        var declared = ledger.Apply(state, [new Reading("gpu_temp_c", 60, Now), new Reading(MetricNames.Power, 400, Now)], Now, declared: Declared);
        var again = ledger.Apply(state, [new Reading("m0", 1, Now.AddSeconds(1)), new Reading("m19", 1, Now.AddSeconds(1))], Now.AddSeconds(1), declared: Declared);

        Assert.Equal(8, junk.Applied);
        Assert.Equal(12, junk.Rejected.Count);
        Assert.All(junk.Rejected, r => Assert.Equal(RejectionReasons.TooManyMetrics, r.Reason));
        Assert.Equal(2, declared.Applied);
        Assert.Equal((1, "m19"), (again.Applied, Assert.Single(again.Rejected).Metric));
        Assert.Equal(10, state.Latest.Count);
    }

    [Fact]
    public void An_undeclared_name_keeps_a_short_window_and_no_detector_until_it_has_come_for_its_probation()
    {
        var options = new TwinOptions { RecentWindowSize = 120, ProbationWindowSize = 8, UndeclaredMetricProbation = TimeSpan.FromHours(1) };
        var spec = new TwinSpec("srv", TwinKind.Server, "rack");
        var ledger = new TelemetryLedger(options);
        var state = new TwinState();
        bool Declared(string metric) => MetricDeclarations.IsDeclared(spec, metric);

        // Two hours of a reading a minute: the first hour on probation, the second with the full window.
        for (var i = 0; i < 120; i++)
        {
            var at = Now.AddMinutes(i);
            ledger.Apply(state, [new Reading("custom_flow", i, at), new Reading(MetricNames.Power, i, at)], at, declared: Declared);
            if (i == 59)
            {
                Assert.True(ledger.OnProbation("custom_flow"));
                Assert.Equal(Enumerable.Range(52, 8).Select(v => (double)v), ledger.Window("custom_flow").Points.Select(p => p.Value));
            }
        }

        Assert.False(ledger.OnProbation("custom_flow"));
        Assert.False(ledger.OnProbation(MetricNames.Power));
        Assert.Equal(120, ledger.Window(MetricNames.Power).Points.Count);
        // From the end of probation the window grew again: its last eight probation points and the hour after it.
        Assert.Equal(Enumerable.Range(52, 68).Select(v => (double)v), ledger.Window("custom_flow").Points.Select(p => p.Value));
    }

    [Fact]
    public void A_report_carries_the_well_known_metrics_first_and_at_most_the_bound()
    {
        var latest = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++) latest[$"junk{i}"] = new MetricValue(i, Now, Now);
        latest[MetricNames.Power] = new MetricValue(410, Now, Now);
        latest[MetricNames.InletTemperature] = new MetricValue(24, Now, Now);
        var spec = new TwinSpec("srv", TwinKind.Server, "rack");
        var result = RollupCalculator.Compute(spec, HealthStatus.Ok, latest, 0, [], Now);

        var metrics = RollupCalculator.ReportMetrics(latest, result, hasChildren: false, maxMetrics: 16);

        Assert.Equal(16, metrics.Count);
        Assert.Equal(410, metrics[MetricNames.Power]);
        Assert.Equal(24, metrics[MetricNames.InletTemperature]);
    }

    [Fact]
    public void A_reports_fingerprint_ignores_when_it_was_made_but_not_what_it_says()
    {
        var report = new ChildReport("srv", TwinKind.Server, HealthStatus.Ok, new Dictionary<string, double> { ["power_w"] = 410 },
            new TwinRollup("srv", TwinKind.Server, Now, 410, null, null, 0, 0, HealthStatus.Ok,
                new Dictionary<TwinKind, int> { [TwinKind.Server] = 1 }, new Dictionary<HealthStatus, int> { [HealthStatus.Ok] = 1 }, 0), 0, Now);

        var later = report with { AsOf = Now.AddHours(1), Rollup = report.Rollup! with { AsOf = Now.AddHours(1) } };
        var hotter = report with { Metrics = new Dictionary<string, double> { ["power_w"] = 411 } };

        Assert.Equal(ReportFingerprint.Of(report), ReportFingerprint.Of(later));
        Assert.NotEqual(ReportFingerprint.Of(report), ReportFingerprint.Of(hotter));
        Assert.NotEqual(ReportFingerprint.Of(report), ReportFingerprint.Of(report with { Health = HealthStatus.Warning }));
    }
}
