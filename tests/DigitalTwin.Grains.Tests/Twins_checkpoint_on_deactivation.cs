using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;

namespace DigitalTwin.Grains.Tests;

public sealed class Twins_checkpoint_on_deactivation(QuietTwinsFixture cluster) : IClassFixture<QuietTwinsFixture>
{
    [Fact]
    public async Task Readings_are_not_written_per_reading_but_are_written_when_the_twin_deactivates()
    {
        var t = TestTopology.New();
        var grains = cluster.Client;
        await grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var target = grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var writesAfterProvisioning = cluster.Storage.WritesTo(TwinStorage.States.Asset, id);
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 50; i++)
        {
            await target.IngestAsync(new TelemetryBatch(id, [new Reading("power_w", 300 + i, now.AddSeconds(i))]));
        }
        Assert.Equal(writesAfterProvisioning, cluster.Storage.WritesTo(TwinStorage.States.Asset, id));

        await cluster.Cluster.DeactivateAsync(grains.GetTwin(id, TwinKind.Server));

        Assert.Equal(writesAfterProvisioning + 1, cluster.Storage.WritesTo(TwinStorage.States.Asset, id));
        Assert.Equal(349, (await grains.GetTwin(id, TwinKind.Server).GetSnapshotAsync()).Latest["power_w"].Value);
    }
}
