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
}
