using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

public sealed class Silent_twins_become_unknown(QuietTwinsFixture cluster) : IClassFixture<QuietTwinsFixture>
{
    [Fact]
    public async Task A_server_that_stops_reporting_turns_unknown_and_its_rack_counts_it_so_until_it_reports_again()
    {
        var t = TestTopology.New();
        var grains = cluster.Client;
        await grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var target = grains.GetTelemetryTarget(new TwinKey(id), TwinKind.Server)!;
        var server = grains.GetTwin(id, TwinKind.Server);
        var rack = grains.GetTwin(t.Rack('a', 1), TwinKind.Rack);

        await target.IngestAsync(new TelemetryBatch(id, [new Reading("inlet_temp_c", 30, DateTimeOffset.UtcNow)]));
        Assert.Equal(HealthStatus.Warning, (await server.GetSnapshotAsync()).Health);

        var silent = await Eventually.Until(server.GetSnapshotAsync, s => s.Health == HealthStatus.Unknown, "the silent server to turn unknown");
        Assert.Contains("no reading", silent.HealthReason);
        await Eventually.Until(rack.GetRollupAsync, r => r.CountsByHealth.GetValueOrDefault(HealthStatus.Unknown) == 1, "the rack to count it unknown");

        await target.IngestAsync(new TelemetryBatch(id, [new Reading("inlet_temp_c", 30, DateTimeOffset.UtcNow)]));
        Assert.Equal(HealthStatus.Warning, (await server.GetSnapshotAsync()).Health);
    }
}
