using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// Each asset is judged from its own readings against its role, from its first readings on (no detector warm-up):
/// role debounce is 15 s of reading time and devices here publish every 2 s.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Assets_that_stop_doing_their_job_are_not_ok(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_crac_that_draws_no_power_and_misses_its_setpoint_raises_critical_role_alerts_within_a_minute_and_resolves_on_repair()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var crac = new DeviceFeed(Grains, t.Crac('a'), TwinKind.Crac, DateTimeOffset.UtcNow.AddMinutes(-10));
        var working = Crac(power: 6000, supply: 18.2, setpoint: 18, back: 27, load: 30_000);
        await crac.Send(working, times: 10);
        Assert.Empty(await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync());
        Assert.Equal(HealthStatus.Ok, (await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetSnapshotAsync()).Health);

        var failedAt = crac.Clock;
        await crac.Send(Crac(power: 0, supply: 29.5, setpoint: 18, back: 31, load: 0), times: 12);

        var alerts = await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync();
        Assert.All(alerts, a => Assert.Equal((AlertKind.Role, HealthStatus.Critical), (a.AlertKind, a.Severity)));
        Assert.Equal([MetricNames.CoolingLoad, MetricNames.Power, MetricNames.SupplyTemperature], alerts.Select(a => a.Metric).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.InRange((a.FirstSeen - failedAt).TotalSeconds, 0, 60));
        Assert.Contains("cannot hold its setpoint", alerts.Single(a => a.Metric == MetricNames.SupplyTemperature).Explanation);
        Assert.Contains("draws 0 W", alerts.Single(a => a.Metric == MetricNames.Power).Explanation);
        await Eventually.Until(() => Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetSnapshotAsync(), s => s.Health == HealthStatus.Critical, "the CRAC to turn Critical");

        await crac.Send(working, times: 10);
        Assert.Empty(await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync());
        Assert.All(await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync(includeResolved: true), a => Assert.Equal(AlertState.Resolved, a.State));
    }

    [Fact]
    public async Task A_crac_a_little_above_its_setpoint_warns_and_one_odd_reading_raises_nothing()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var crac = new DeviceFeed(Grains, t.Crac('a'), TwinKind.Crac, DateTimeOffset.UtcNow.AddMinutes(-10));
        await crac.Send(Crac(power: 6000, supply: 18, setpoint: 18, back: 27, load: 30_000), times: 5);
        await crac.Send(Crac(power: 0, supply: 30, setpoint: 18, back: 27, load: 30_000));
        await crac.Send(Crac(power: 6000, supply: 18, setpoint: 18, back: 27, load: 30_000), times: 10);
        Assert.Empty(await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync(includeResolved: true));

        await crac.Send(Crac(power: 6000, supply: 22, setpoint: 18, back: 28, load: 30_000), times: 10);
        var alert = Assert.Single(await Grains.GetTwin(t.Crac('a'), TwinKind.Crac).GetAlertsAsync());
        Assert.Equal((AlertKind.Role, HealthStatus.Warning, MetricNames.SupplyTemperature), (alert.AlertKind, alert.Severity, alert.Metric));
    }

    [Theory]
    [InlineData(TwinKind.Pdu, "input_v", 230.0, 0.0, HealthStatus.Critical, "lost its input")]
    [InlineData(TwinKind.Ups, "on_battery", 0.0, 1.0, HealthStatus.Warning, "on battery")]
    [InlineData(TwinKind.Fan, "fan_rpm", 5200.0, 0.0, HealthStatus.Critical, "stopped")]
    [InlineData(TwinKind.Psu, "output_v", 12.1, 0.0, HealthStatus.Critical, "failed")]
    public async Task A_power_or_airflow_part_that_loses_its_function_turns_unhealthy_at_once(
        TwinKind kind, string metric, double healthy, double failed, HealthStatus expected, string words)
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var parent = kind is TwinKind.Fan or TwinKind.Psu ? t.Server('a', 1, 1) : t.Room('a');
        var id = $"{t.Prefix}-{kind.ToWireName()}";
        var rated = kind is TwinKind.Pdu or TwinKind.Ups ? new Dictionary<string, double> { [RatedProperties.Capacity] = 20_000 } : null;
        Assert.True((await Grains.GetLiveTopology().AddAsync(new TwinSpec(id, kind, parent, Rated: rated))).Applied);
        var device = new DeviceFeed(Grains, id, kind, DateTimeOffset.UtcNow.AddMinutes(-10));
        await device.Send(metric, Enumerable.Repeat(healthy, 5).ToArray());
        await Eventually.Until(() => Grains.GetTwin(id, kind).GetSnapshotAsync(), s => s.Health == HealthStatus.Ok, "the healthy part to be Ok");

        await device.Send(metric, Enumerable.Repeat(failed, 10).ToArray());

        var alert = Assert.Single(await Grains.GetTwin(id, kind).GetAlertsAsync());
        Assert.Equal((AlertKind.Role, expected, metric), (alert.AlertKind, alert.Severity, alert.Metric));
        Assert.Contains(words, alert.Explanation);
        await Eventually.Until(() => Grains.GetTwin(id, kind).GetSnapshotAsync(), s => s.Health == expected, $"the {kind} to turn {expected}");
    }

    private static Dictionary<string, double> Crac(double power, double supply, double setpoint, double back, double load) => new()
    {
        [MetricNames.Power] = power,
        [MetricNames.SupplyTemperature] = supply,
        [MetricNames.Setpoint] = setpoint,
        [MetricNames.ReturnTemperature] = back,
        [MetricNames.CoolingLoad] = load,
    };
}
