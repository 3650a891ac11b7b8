using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A stuck reading is found from the twin's own history; a drifting inlet from the rack's other servers (compared every
/// 5 minutes of reading time). Either raises a sensor alert, and the incident names the sensor as the cause.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Sensors_that_read_wrong_are_named_not_the_equipment(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_stuck_inlet_raises_a_sensor_alert_and_a_sensor_incident_and_resolves_when_it_moves_again()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 2));
        var server = new DeviceFeed(Grains, t.Server('a', 1, 1), TwinKind.Server, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromSeconds(30));
        var random = new Random(1);
        for (var i = 0; i < 100; i++) await server.Send(MetricNames.InletTemperature, Math.Round(22 + random.NextDouble() * 0.2, 3));

        await server.Send(MetricNames.InletTemperature, Enumerable.Repeat(22.104, 6).ToArray());

        var twin = Grains.GetTwin(t.Server('a', 1, 1), TwinKind.Server);
        var alert = Assert.Single(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Sensor);
        Assert.Equal((MetricNames.InletTemperature, HealthStatus.Warning), (alert.Metric, alert.Severity));
        Assert.Contains("has read exactly 22.104 for 5 readings", alert.Explanation);
        var incidents = await Eventually.Until(() => Grains.GetGrain<IDataCentreGrain>(t.DataCentre).GetIncidentsAsync(),
            list => list.Any(i => i.Cause == IncidentCause.Sensor), "a sensor incident");
        Assert.Equal(t.Server('a', 1, 1), incidents.Single(i => i.Cause == IncidentCause.Sensor).CauseTwinId);

        await server.Send(MetricNames.InletTemperature, 22.151);
        Assert.DoesNotContain(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Sensor);
    }

    [Fact]
    public async Task An_inlet_drifting_from_its_rack_while_its_outlet_stays_raises_a_sensor_alert()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 4));
        var start = DateTimeOffset.UtcNow.AddHours(-4);
        var feeds = Enumerable.Range(1, 4).Select(s => new DeviceFeed(Grains, t.Server('a', 1, s), TwinKind.Server, start, TimeSpan.FromMinutes(5))).ToArray();
        var random = new Random(2);
        double Noise() => Math.Round((random.NextDouble() - 0.5) * 0.2, 3);
        var twin = Grains.GetTwin(t.Server('a', 1, 1), TwinKind.Server);
        for (var step = 0; step < 40; step++)
        {
            // After 90 minutes the first server's inlet sensor reads 2 °C an hour higher; its outlet does not move.
            var drift = step > 18 ? 2 * (step - 18) / 12.0 : 0;
            foreach (var (feed, s) in feeds.Select((f, i) => (f, i)))
            {
                await feed.Send(new Dictionary<string, double>
                {
                    [MetricNames.InletTemperature] = 22 + s * 0.5 + Noise() + (s == 0 ? drift : 0),
                    [MetricNames.OutletTemperature] = 32 + s * 0.5 + Noise(),
                });
            }
            // Let the rack hear the peers' latest readings before the next comparison.
            await Task.Delay(150);
        }

        var alert = Assert.Single(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Sensor);
        Assert.Contains("the inlet sensor is likely drifting", alert.Explanation);
        Assert.InRange((alert.FirstSeen - start).TotalMinutes, 18 * 5 + 30, 18 * 5 + 90);
        Assert.DoesNotContain(await Grains.GetTwin(t.Server('a', 1, 2), TwinKind.Server).GetAlertsAsync(), a => a.AlertKind == AlertKind.Sensor);
    }

    [Fact]
    public async Task A_hot_spot_two_minutes_long_raises_a_peer_alert_on_its_second_reading_and_resolves_after_it()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 4));
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var feeds = Enumerable.Range(1, 4).Select(s => new DeviceFeed(Grains, t.Server('a', 1, s), TwinKind.Server, start, TimeSpan.FromMinutes(1))).ToArray();
        var random = new Random(3);
        double Noise() => Math.Round((random.NextDouble() - 0.5) * 0.2, 3);
        var twin = Grains.GetTwin(t.Server('a', 1, 1), TwinKind.Server);
        async Task Minute(double inletRise, double outletRise)
        {
            foreach (var (feed, s) in feeds.Select((f, i) => (f, i)))
            {
                await feed.Send(new Dictionary<string, double>
                {
                    [MetricNames.InletTemperature] = 20.5 + s * 0.2 + Noise() + (s == 0 ? inletRise : 0),
                    [MetricNames.OutletTemperature] = 37 + s * 0.2 + Noise() + (s == 0 ? outletRise : 0),
                });
            }
            // Let the rack hear the peers' latest readings before the next comparison.
            await Task.Delay(150);
        }
        // Twenty minutes of the rack as usual: four comparisons, every five minutes.
        for (var minute = 0; minute < 20; minute++) await Minute(0, 0);

        // Its own exhaust comes back: the inlet steps up 6 °C, the outlet follows by a third at first; still under its 27 °C limit.
        await Minute(6, 2);
        Assert.DoesNotContain(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Peer);
        await Minute(6.3, 2.6);
        var alert = Assert.Single(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Peer);
        Assert.Equal(feeds[0].Clock - feeds[0].Step, alert.FirstSeen);
        Assert.DoesNotContain(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Sensor);
        var incidents = await Eventually.Until(() => Grains.GetGrain<IDataCentreGrain>(t.DataCentre).GetIncidentsAsync(),
            list => list.Any(i => i.Cause == IncidentCause.Airflow), "an airflow incident");
        Assert.Equal(t.Server('a', 1, 1), incidents.Single(i => i.Cause == IncidentCause.Airflow).CauseTwinId);

        // The air path clears: the inlet is back with its peers while the chassis still warms the outlet.
        await Minute(0, 5);
        await Minute(0, 4);
        Assert.DoesNotContain(await twin.GetAlertsAsync(), a => a.AlertKind == AlertKind.Peer);
        Assert.Contains(await twin.GetAlertsAsync(includeResolved: true), a => a.AlertKind == AlertKind.Peer && a.State == AlertState.Resolved);
    }
}
