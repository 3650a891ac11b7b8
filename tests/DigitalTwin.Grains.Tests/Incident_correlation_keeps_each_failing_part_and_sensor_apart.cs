using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Incidents;

namespace DigitalTwin.Grains.Tests;

public sealed class Incident_correlation_keeps_each_failing_part_and_sensor_apart
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-24T00:00:00Z");

    private static TwinAlert Alert(string id, string twin, TwinKind kind, string metric, AlertKind alertKind = AlertKind.Anomaly) =>
        new(id, twin, kind, metric, 0, 1, 0.9, At, At, AlertState.Raised, HealthStatus.Warning, "x.", AlertKind: alertKind);

    private static readonly Dictionary<string, TwinPlace> Places = new()
    {
        ["srv-1"] = new("srv-1", TwinKind.Server, "srv-1", TwinKind.Server, "rack-1", "room-1", ["crac-1"], ["pdu-a"]),
        ["srv-1-disk1"] = new("srv-1-disk1", TwinKind.Disk, "srv-1", TwinKind.Server, "rack-1", "room-1", ["crac-1"], ["pdu-a"]),
        ["srv-1-psu2"] = new("srv-1-psu2", TwinKind.Psu, "srv-1", TwinKind.Server, "rack-1", "room-1", ["crac-1"], ["pdu-a"]),
        ["srv-1-fan2"] = new("srv-1-fan2", TwinKind.Fan, "srv-1", TwinKind.Server, "rack-1", "room-1", ["crac-1"], ["pdu-a"]),
        ["srv-2"] = new("srv-2", TwinKind.Server, "srv-2", TwinKind.Server, "rack-1", "room-1", ["crac-1"], ["pdu-a"]),
        ["pdu-a"] = new("pdu-a", TwinKind.Pdu, "pdu-a", TwinKind.Pdu, "rack-1", "room-1", [], []),
    };

    [Fact]
    public void Two_failing_parts_of_one_server_are_two_hardware_incidents()
    {
        var findings = IncidentCorrelator.Group(
        [
            Alert("a1", "srv-1-disk1", TwinKind.Disk, MetricNames.PendingSectors),
            Alert("a2", "srv-1-psu2", TwinKind.Psu, MetricNames.OutputVoltage, AlertKind.Role),
        ], Places);

        Assert.Equal([("a1", "srv-1-disk1"), ("a2", "srv-1-psu2")],
            findings.Select(f => (Assert.Single(f.Alerts).AlertId, f.CauseTwinId)).OrderBy(x => x.AlertId));
        Assert.All(findings, f => Assert.Equal(IncidentCause.Hardware, f.Cause));
    }

    [Fact]
    public void A_sensor_alert_takes_the_other_alerts_on_what_it_measures_and_leaves_the_rest()
    {
        var findings = IncidentCorrelator.Group(
        [
            Alert("a1", "srv-1", TwinKind.Server, MetricNames.InletTemperature, AlertKind.Limit),
            Alert("a2", "srv-1", TwinKind.Server, MetricNames.InletTemperature, AlertKind.Sensor),
            Alert("a3", "srv-1", TwinKind.Server, MetricNames.Power),
        ], Places);

        var sensor = Assert.Single(findings, f => f.Cause == IncidentCause.Sensor);
        Assert.Equal("srv-1", sensor.CauseTwinId);
        Assert.Equal(["a1", "a2"], sensor.Alerts.Select(a => a.AlertId).Order());
        Assert.Contains("The inlet_temp_c sensor of server srv-1 reads wrong", sensor.Summary);
        Assert.DoesNotContain(findings, f => f.Cause == IncidentCause.Sensor && f.Alerts.Any(a => a.AlertId == "a3"));
    }

    [Fact]
    public void A_fan_speeding_up_in_hot_air_is_not_the_failing_part_but_one_slowing_down_is()
    {
        // A blocked air path: the server's inlet passes its limit and its fan spins up (an anomaly above its baseline).
        var hot = Alert("a1", "srv-1", TwinKind.Server, MetricNames.InletTemperature, AlertKind.Limit);
        var faster = Alert("a2", "srv-1-fan2", TwinKind.Fan, MetricNames.FanSpeed) with { Value = 7100, Baseline = 5100 };

        var findings = IncidentCorrelator.Group([hot, faster], Places);

        var finding = Assert.Single(findings);
        Assert.Equal((IncidentCause.Airflow, "srv-1"), (finding.Cause, finding.CauseTwinId));
        Assert.Equal(["a1", "a2"], finding.Alerts.Select(a => a.AlertId).Order());

        var slower = faster with { Value = 3100 };
        var wearing = Assert.Single(IncidentCorrelator.Group([hot, slower], Places));
        Assert.Equal((IncidentCause.Hardware, "srv-1-fan2"), (wearing.Cause, wearing.CauseTwinId));
    }

    [Fact]
    public void A_PDU_carrying_more_for_a_busier_rack_is_part_of_the_workload_surge_but_one_losing_its_input_is_the_power_cause()
    {
        var pduBusier = Alert("a1", "pdu-a", TwinKind.Pdu, MetricNames.Power) with { Value = 9800, Baseline = 7400 };
        var surge1 = Alert("a2", "srv-1", TwinKind.Server, MetricNames.Utilisation, AlertKind.Load) with { Value = 80, Baseline = 35 };
        var surge2 = Alert("a3", "srv-2", TwinKind.Server, MetricNames.Utilisation, AlertKind.Load) with { Value = 78, Baseline = 30 };

        var finding = Assert.Single(IncidentCorrelator.Group([pduBusier, surge1, surge2], Places));
        Assert.Equal((IncidentCause.Workload, "rack-1"), (finding.Cause, finding.CauseTwinId));
        Assert.Equal(["a1", "a2", "a3"], finding.Alerts.Select(a => a.AlertId).Order());

        // Alone, the busier PDU still points at its rack's draw, not at a power fault.
        Assert.Equal((IncidentCause.Workload, "rack-1"), Assert.Single(IncidentCorrelator.Group([pduBusier], Places)) is var only ? (only.Cause, only.CauseTwinId) : default);

        var inputLost = Alert("a4", "pdu-a", TwinKind.Pdu, MetricNames.InputVoltage, AlertKind.Role);
        Assert.Equal(IncidentCause.Power, Assert.Single(IncidentCorrelator.Group([inputLost, surge1], Places), f => f.CauseTwinId == "pdu-a").Cause);
    }
}
