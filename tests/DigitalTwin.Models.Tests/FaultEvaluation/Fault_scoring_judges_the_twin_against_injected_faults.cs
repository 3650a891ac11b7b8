using DigitalTwin.Evaluation.Faults;

namespace DigitalTwin.Models.Tests.FaultEvaluation;

public sealed class Fault_scoring_judges_the_twin_against_injected_faults
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-24T00:00:00Z");

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    private static readonly PlantMap Plant = new(
    [
        ("dc", "DataCentre", null),
        ("room-a", "Room", "dc"), ("crac-a1", "Crac", "room-a"), ("rack-a1", "Rack", "room-a"),
        ("srv-a1", "Server", "rack-a1"), ("srv-a1-fan1", "Fan", "srv-a1"), ("srv-a1-disk1", "Disk", "srv-a1"), ("srv-a1-psu1", "Psu", "srv-a1"),
        ("srv-a2", "Server", "rack-a1"),
        ("room-b", "Room", "dc"), ("rack-b1", "Rack", "room-b"), ("srv-b1", "Server", "rack-b1"),
    ]);

    private static ObservedAlert Alert(string id, string twin, string metric, double hours, string kind = "anomaly") => new(id, twin, metric, kind, H(hours));

    [Fact]
    public void A_crac_failure_is_detected_by_heat_in_its_room_and_its_incident_must_name_the_crac()
    {
        var faults = new[] { new InjectedFault("f1", "crac_failure", "crac-a1", H(10), null, H(10.5), null) };
        var alerts = new[]
        {
            Alert("a1", "srv-a2", "inlet_temp_c", 10.02),
            Alert("a2", "crac-a1", "power_w", 10.03, "role"),
            // In the other room, and long after the CRAC came back: false.
            Alert("a3", "srv-b1", "inlet_temp_c", 10.1),
            Alert("a4", "srv-a1", "power_w", 20),
        };
        var incidents = new[]
        {
            new ObservedIncident("i1", "airflow", "srv-a2", ["a1"], H(10.02), H(10.02)),
            // The later grouping is the one the operator ends up with.
            new ObservedIncident("i2", "cooling", "crac-a1", ["a1", "a2"], H(10.02), H(10.04)),
        };

        var report = new FaultScoring(Plant).Score(faults, alerts, incidents, [], H(1), H(25));

        var outcome = Assert.Single(report.Outcomes);
        Assert.True(outcome.Detected);
        Assert.Equal(72, outcome.DelayS!.Value, 6);
        Assert.True(outcome.CauseRight);
        Assert.Equal(["a3", "a4"], report.FalseAlerts.Select(a => a.AlertId));
        // Seven reporting twins for 24 h, less room-a's six from 10 h to 11.5 h (the fault, then an hour to settle).
        Assert.Equal((7 * 24 - 6 * 1.5) / 24, report.FaultFreeTwinDays, 6);
        Assert.Equal(1.0, report.CauseAccuracy);
    }

    [Fact]
    public void An_incident_naming_another_cause_or_twin_is_a_wrong_cause()
    {
        var faults = new[] { new InjectedFault("f1", "hot_spot", "srv-a1", H(5), null, H(5.3), null), new InjectedFault("f2", "crac_failure", "crac-a1", H(8), null, H(8.5), null) };
        var alerts = new[] { Alert("a1", "srv-a1", "inlet_temp_c", 5.01), Alert("a2", "srv-a2", "inlet_temp_c", 8.1) };
        var incidents = new[]
        {
            new ObservedIncident("i1", "airflow", "srv-a1", ["a1"], H(5.01), H(5.01)),
            new ObservedIncident("i2", "airflow", "srv-a2", ["a2"], H(8.1), H(8.1)),
        };

        var report = new FaultScoring(Plant).Score(faults, alerts, incidents, [], H(0), H(12));

        Assert.Equal([true, false], report.Outcomes.Select(o => o.CauseRight));
        Assert.Equal(0.5, report.CauseAccuracy);
    }

    [Fact]
    public void An_alert_that_cleared_before_any_incident_grouped_it_leaves_the_judgement_to_the_next_alert()
    {
        var faults = new[] { new InjectedFault("f1", "crac_failure", "crac-a1", H(10), null, H(10.5), null) };
        var alerts = new[] { Alert("a1", "crac-a1", "fan_pct", 10.01), Alert("a2", "crac-a1", "power_w", 10.02, "role") };
        var incidents = new[] { new ObservedIncident("i1", "cooling", "crac-a1", ["a2"], H(10.02), H(10.02)) };

        var outcome = Assert.Single(new FaultScoring(Plant).Score(faults, alerts, incidents, [], H(0), H(12)).Outcomes);

        Assert.Equal(("a1", "i1", true), (outcome.FirstAlert!.AlertId, outcome.Incident!.IncidentId, outcome.CauseRight));
        Assert.Equal(36, outcome.DelayS!.Value, 6);
    }

    [Fact]
    public void A_degradation_leads_by_the_first_maintenance_action_on_its_part_before_it_fails()
    {
        var faults = new[]
        {
            new InjectedFault("f1", "fan_failure", "srv-a1-fan1", H(10), H(70), null, null),
            new InjectedFault("f2", "disk_degradation", "srv-a1-disk1", H(10), H(60), null, null),
        };
        var predictions = new[]
        {
            // Before the fault began: not a prediction of it.
            new ObservedPrediction("srv-a1-fan1", H(5), "Replace fan within 3 days"),
            new ObservedPrediction("srv-a1-fan1", H(30), "Replace fan within 2 days"),
            new ObservedPrediction("srv-a1-fan1", H(40), "Replace fan within 1 day"),
            // The server, not the part: does not name the failing part.
            new ObservedPrediction("srv-a1", H(20), "Service server within 2 days"),
        };
        var alerts = new[] { Alert("a1", "srv-a1-disk1", "reallocated_sectors", 60.05) };

        var report = new FaultScoring(Plant).Score(faults, alerts, [], predictions, H(1), H(80));

        Assert.Equal([40.0, 0.0], report.Outcomes.Select(o => o.LeadH!.Value));
        Assert.True(report.Outcomes.All(o => o.Detected));
        Assert.Equal(20, report.MedianLeadH, 6);
        var fan = report.Kinds.Single(k => k.Kind == "fan_failure");
        Assert.True(double.IsNaN(fan.MedianDelayS));
        // The fan's action five hours before its fault began is one no fault explains.
        Assert.Equal("srv-a1-fan1", Assert.Single(report.FalseActions).TwinId);
    }

    [Fact]
    public void A_sensor_fault_is_detected_only_by_an_alert_on_that_twin_and_metric()
    {
        var faults = new[]
        {
            new InjectedFault("f1", "stuck_sensor", "srv-a1", H(3), null, H(5), "inlet_temp_c"),
            new InjectedFault("f2", "drifting_sensor", "srv-a2", H(6), null, H(9), "inlet_temp_c"),
        };
        var alerts = new[] { Alert("a1", "srv-a1", "power_w", 3.5), Alert("a2", "srv-a1-disk1", "inlet_temp_c", 3.6), Alert("a3", "srv-a2", "inlet_temp_c", 7) };
        var incidents = new[] { new ObservedIncident("i1", "sensor", "srv-a2", ["a3"], H(7), H(7)) };

        var report = new FaultScoring(Plant).Score(faults, alerts, incidents, [], H(0), H(12));

        Assert.Equal([false, true], report.Outcomes.Select(o => o.Detected));
        Assert.Equal(0.5, report.Recall);
        Assert.Equal(1.0, report.CauseAccuracy);
        Assert.Equal(3600, report.Kinds.Single(k => k.Kind == "drifting_sensor").MedianDelayS, 6);
    }

    [Fact]
    public void The_lines_print_every_kind_then_the_totals()
    {
        var faults = new[] { new InjectedFault("f1", "psu_failure", "srv-a1-psu1", H(2), null, H(4), null) };
        var report = new FaultScoring(Plant).Score(faults, [Alert("a1", "srv-a1-psu1", "output_v", 2.01, "role")],
            [new ObservedIncident("i1", "hardware", "srv-a1-psu1", ["a1"], H(2.01), H(2.01))], [], H(0), H(10));

        Assert.Equal(
        [
            "FAULTS-KIND kind=psu_failure injected=1 detected=1 median_delay_s=36 median_lead_h=NaN",
            "FAULTS injected=1 detected=1 recall=1.00 median_lead_h=NaN cause_accuracy=1.00 false_alerts_per_100_twin_days=0.00",
        ], report.Lines());
    }

    [Fact]
    public void A_wearing_fan_is_judged_by_its_own_alerts_not_by_another_fault_on_its_server()
    {
        var faults = new[]
        {
            new InjectedFault("f1", "fan_failure", "srv-a1-fan1", H(2), H(30), null, null),
            new InjectedFault("f2", "stuck_sensor", "srv-a1", H(10), null, H(12), "inlet_temp_c"),
        };
        var alerts = new[] { Alert("a1", "srv-a1", "inlet_temp_c", 10.1, "sensor"), Alert("a2", "srv-a1-fan1", "fan_rpm", 29.5, "limit") };
        var incidents = new[]
        {
            new ObservedIncident("i1", "sensor", "srv-a1", ["a1"], H(10.1), H(10.1)),
            new ObservedIncident("i2", "hardware", "srv-a1-fan1", ["a2"], H(29.5), H(29.5)),
        };

        var report = new FaultScoring(Plant).Score(faults, alerts, incidents, [], H(1), H(40));

        var fan = Assert.Single(report.Outcomes, o => o.Fault.Id == "f1");
        Assert.Equal("a2", fan.FirstAlert!.AlertId);
        Assert.True(fan.CauseRight);
        Assert.True(Assert.Single(report.Outcomes, o => o.Fault.Id == "f2").CauseRight);
    }
}
