using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>Servers of <see cref="TestTopology"/> warn above 27 °C inlet and are critical above 32 °C; debounce 10 s, hysteresis 2 %.</summary>
[Collection(GrainsCollection.Name)]
public sealed class Limit_alarms_debounce_escalate_and_resolve(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_crossing_held_past_the_debounce_raises_a_limit_alert_that_escalates_calms_and_resolves()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var feed = new DeviceFeed(Grains, id, TwinKind.Server, DateTimeOffset.UtcNow.AddMinutes(-20));

        // One reading past the limit, then normal again: within the debounce, so nothing is raised.
        await feed.Send(MetricNames.InletTemperature, 22, 22, 22, 29, 22, 22);
        Assert.Null(await LimitAlert(id));

        // Above 27 °C for 12 s of readings two seconds apart: raised as a Warning.
        await feed.Send(MetricNames.InletTemperature, 28, 28.5, 28, 28.2, 28.4, 28.1, 28.3);
        var raised = await LimitAlert(id);
        Assert.NotNull(raised);
        Assert.Equal((AlertKind.Limit, HealthStatus.Warning, AlertState.Raised, 27.0), (raised.AlertKind, raised.Severity, raised.State, raised.Baseline));
        Assert.Contains("above warning limit 27", raised.Explanation);

        // Above 32 °C: the same alert escalates to Critical.
        await feed.Send(MetricNames.InletTemperature, 33, 33.5, 33.2, 33.1, 33.4, 33.3, 33.6);
        var escalated = await LimitAlert(id);
        Assert.Equal((raised.AlertId, HealthStatus.Critical), (escalated!.AlertId, escalated.Severity));
        Assert.Contains("above critical limit 32", escalated.Explanation);
        Assert.True(await Grains.GetTwin(id, TwinKind.Server).AcknowledgeAlertAsync(raised.AlertId, "night shift"));

        // 26.8 °C is below the warning limit but not by the hysteresis margin (27 − 2 % = 26.46): it calms to Warning, stays open.
        await feed.Send(MetricNames.InletTemperature, 26.8, 26.9, 26.8, 26.7, 26.8, 26.9, 26.8);
        var calmer = await LimitAlert(id);
        Assert.Equal((raised.AlertId, HealthStatus.Warning, AlertState.Acknowledged), (calmer!.AlertId, calmer.Severity, calmer.State));

        // Back to 24 °C for 12 s: resolved, acknowledgement kept.
        await feed.Send(MetricNames.InletTemperature, 24, 24, 24, 24, 24, 24, 24);
        Assert.Null(await LimitAlert(id));
        var history = (await Grains.GetTwin(id, TwinKind.Server).GetAlertsAsync(includeResolved: true)).Where(a => a.AlertKind == AlertKind.Limit).ToList();
        var resolved = Assert.Single(history);
        Assert.Equal((AlertState.Resolved, "night shift"), (resolved.State, resolved.AcknowledgedBy));
        Assert.NotNull(resolved.ResolvedAt);
    }

    [Fact]
    public async Task A_value_hovering_at_the_limit_raises_one_alert_not_a_flapping_series()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var feed = new DeviceFeed(Grains, id, TwinKind.Server, DateTimeOffset.UtcNow.AddMinutes(-20));

        await feed.Send(MetricNames.InletTemperature, 22, 22, 22, 22);
        await feed.Send(MetricNames.InletTemperature, Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 27.3 : 26.8).ToArray());

        var limits = (await Grains.GetTwin(id, TwinKind.Server).GetAlertsAsync(includeResolved: true)).Where(a => a.AlertKind == AlertKind.Limit).ToList();
        var alert = Assert.Single(limits);
        Assert.Equal(AlertState.Raised, alert.State);
    }

    [Fact]
    public async Task A_limit_alert_open_before_reactivation_resolves_instead_of_being_raised_twice()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var feed = new DeviceFeed(Grains, id, TwinKind.Server, DateTimeOffset.UtcNow.AddMinutes(-20));
        await feed.Send(MetricNames.InletTemperature, 29, 29, 29, 29, 29, 29, 29);
        Assert.NotNull(await LimitAlert(id));

        await cluster.Cluster.DeactivateAsync(Grains.GetTwin(id, TwinKind.Server));
        await feed.Send(MetricNames.InletTemperature, 29, 29, 29, 29, 29, 29, 29);
        await feed.Send(MetricNames.InletTemperature, 23, 23, 23, 23, 23, 23, 23);

        var limits = (await Grains.GetTwin(id, TwinKind.Server).GetAlertsAsync(includeResolved: true)).Where(a => a.AlertKind == AlertKind.Limit).ToList();
        Assert.Equal(AlertState.Resolved, Assert.Single(limits).State);
    }

    private async Task<TwinAlert?> LimitAlert(string id) =>
        (await Grains.GetTwin(id, TwinKind.Server).GetAlertsAsync()).SingleOrDefault(a => a.AlertKind == AlertKind.Limit);
}
