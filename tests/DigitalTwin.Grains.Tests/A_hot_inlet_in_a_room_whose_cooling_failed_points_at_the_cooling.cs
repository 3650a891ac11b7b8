using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A server's inlet alert is explained from the room, not only from its rack: when the room's CRAC has stopped, the
/// first server to alert in a quiet rack is a symptom of the room's cooling, not "local to this server".
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class A_hot_inlet_in_a_room_whose_cooling_failed_points_at_the_cooling(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_inlet_alert_names_the_stopped_crac_and_the_room()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var crac = new DeviceFeed(Grains, t.Crac('a'), TwinKind.Crac, start);
        await crac.Send(new Dictionary<string, double> { [MetricNames.Power] = 0, [MetricNames.SupplyTemperature] = 29, [MetricNames.Setpoint] = 18 }, times: 12);
        await Eventually.Until(() => Grains.GetTwin(t.Room('a'), TwinKind.Room).GetRollupAsync(), r => r.OpenAlerts > 0, "the room to hear of the CRAC's alerts");

        var server = new DeviceFeed(Grains, t.Server('a', 1, 1), TwinKind.Server, start);
        await server.Send(MetricNames.InletTemperature, Enumerable.Repeat(29.5, 12).ToArray());

        var alert = Assert.Single(await Grains.GetTwin(t.Server('a', 1, 1), TwinKind.Server).GetAlertsAsync(), a => a.Metric == MetricNames.InletTemperature);
        Assert.Contains($"Cooling in room {t.Room('a')} is in trouble (CRAC {t.Crac('a')})", alert.Explanation);
        Assert.DoesNotContain("local to this server", alert.Explanation);
    }
}
