using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Rollups_reach_rack_room_and_data_centre(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Power_inlet_cooling_and_health_add_up_at_every_level()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 2, racks: 2, servers: 3));
        var now = DateTimeOffset.UtcNow;
        var power = new Dictionary<string, double>();
        var inlet = new Dictionary<string, double>();
        var n = 0;
        foreach (var room in "ab")
        {
            for (var k = 1; k <= 2; k++)
            {
                for (var s = 1; s <= 3; s++)
                {
                    var id = t.Server(room, k, s);
                    power[id] = 300 + 10 * n;
                    inlet[id] = 20 + 0.5 * n;
                    n++;
                    await Ingest(id, TwinKind.Server, now, ("power_w", power[id]), ("inlet_temp_c", inlet[id]));
                }
            }
            await Ingest(t.Crac(room), TwinKind.Crac, now, ("cooling_load_w", room == 'a' ? 4000 : 6000));
        }
        // One hot server makes its rack, room and data centre critical.
        var hot = t.Server('b', 2, 3);
        inlet[hot] = 33;
        await Ingest(hot, TwinKind.Server, now.AddSeconds(1), ("inlet_temp_c", 33));

        var rackServers = new[] { t.Server('a', 1, 1), t.Server('a', 1, 2), t.Server('a', 1, 3) };
        var rack = await Eventually.Until(() => Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetRollupAsync(),
            r => r.CountsByKind.GetValueOrDefault(TwinKind.Server) == 3 && Math.Abs(r.ItPowerW - rackServers.Sum(s => power[s])) < 1e-9,
            "the rack rollup");
        Assert.Equal(rackServers.Max(s => inlet[s]), rack.MaxInletC);
        Assert.Equal(rackServers.Average(s => inlet[s]), rack.MeanInletC!.Value, 9);
        Assert.Equal(10_000, rack.PowerBudgetW);
        Assert.Equal(HealthStatus.Ok, rack.WorstHealth);
        Assert.Equal(3, rack.CountsByHealth[HealthStatus.Ok]);

        var roomBServers = power.Keys.Where(k => k.StartsWith($"{t.Prefix}-b-", StringComparison.Ordinal)).ToArray();
        // Each rack reports on its own tick: wait for both racks' power, not only the hot one's inlet.
        var roomB = await Eventually.Until(() => Grains.GetTwin(t.Room('b'), TwinKind.Room).GetRollupAsync(),
            r => r.MaxInletC == 33 && r.CoolingLoadW == 6000 && r.CountsByKind.GetValueOrDefault(TwinKind.Server) == 6
                 && Math.Abs(r.ItPowerW - roomBServers.Sum(s => power[s])) < 1e-6,
            "room b's rollup");
        Assert.Equal(roomBServers.Sum(s => power[s]), roomB.ItPowerW, 9);
        Assert.Equal(roomBServers.Average(s => inlet[s]), roomB.MeanInletC!.Value, 9);
        Assert.Equal(50_000, roomB.CoolingCapacityW);
        Assert.Equal(20_000, roomB.PowerBudgetW);
        Assert.Equal(HealthStatus.Critical, roomB.WorstHealth);

        var dc = await Eventually.Until(() => Grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetRollupAsync(),
            r => r.MaxInletC == 33 && r.CoolingLoadW == 10_000 && r.CountsByKind.GetValueOrDefault(TwinKind.Server) == 12
                 && Math.Abs(r.ItPowerW - power.Values.Sum()) < 1e-6,
            "the data centre's rollup");
        Assert.Equal(inlet.Values.Average(), dc.MeanInletC!.Value, 9);
        Assert.Equal(100_000, dc.CoolingCapacityW);
        Assert.Equal(HealthStatus.Critical, dc.WorstHealth);
        Assert.Equal(1, dc.CountsByHealth[HealthStatus.Critical]);
        Assert.Equal(2, dc.CountsByKind[TwinKind.Crac]);
        Assert.Equal(HealthStatus.Critical, (await Grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetSnapshotAsync()).Health);

        // New readings move the figures and the stamp on.
        await Ingest(t.Server('a', 1, 1), TwinKind.Server, now.AddSeconds(2), ("power_w", power[t.Server('a', 1, 1)] + 1000));
        var later = await Eventually.Until(() => Grains.GetTwin(t.DataCentre, TwinKind.DataCentre).GetRollupAsync(),
            r => Math.Abs(r.ItPowerW - (power.Values.Sum() + 1000)) < 1e-6, "the data centre to see the new power");
        Assert.True(later.AsOf > dc.AsOf);
    }

    [Fact]
    public async Task A_rack_answers_reads_while_it_is_flooded_with_reports()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 2));
        var rackId = t.Rack('a', 1);
        var rack = Grains.GetTwin(rackId, TwinKind.Rack);
        var member = Grains.GetMember(new TwinKey(rackId), TwinKind.Rack);
        var server = t.Server('a', 1, 1);
        var start = DateTimeOffset.UtcNow;

        using var stop = new CancellationTokenSource();
        var sent = 0;
        var flood = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref sent) < 200_000)
            {
                for (var i = 0; i < 500; i++)
                {
                    var n = Interlocked.Increment(ref sent);
                    var power = 100 + n % 1000;
                    var rollup = new TwinRollup(server, TwinKind.Server, start.AddTicks(n), power, null, null, 0, 0,
                        HealthStatus.Ok, new Dictionary<TwinKind, int> { [TwinKind.Server] = 1 },
                        new Dictionary<HealthStatus, int> { [HealthStatus.Ok] = 1 }, 0);
                    _ = member.ReportAsync(new ChildReport(server, TwinKind.Server, HealthStatus.Ok,
                        new Dictionary<string, double> { ["power_w"] = power }, rollup, 0, rollup.AsOf));
                }
                await Task.Yield();
            }
        });
        // The reads begin once the flood is under way (on a busy machine the flood's task may start late) and must
        // all be answered while it still runs.
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref sent) >= 1000), "the flood to begin");

        var reads = 0;
        while (reads < 20)
        {
            var snapshot = await rack.GetSnapshotAsync();
            Assert.Equal(rackId, snapshot.Key.TwinId);
            Assert.NotNull(await rack.GetRollupAsync());
            reads++;
        }
        var floodingThroughout = !flood.IsCompleted;
        stop.Cancel();
        await flood;

        Assert.Equal(20, reads);
        Assert.True(floodingThroughout || Volatile.Read(ref sent) >= 200_000, "the reads were answered while the flood ran");
    }

    private async Task Ingest(string id, TwinKind kind, DateTimeOffset at, params (string Metric, double Value)[] readings)
    {
        var result = await Grains.GetTelemetryTarget(new TwinKey(id), kind)!
            .IngestAsync(new TelemetryBatch(id, readings.Select(r => new Reading(r.Metric, r.Value, at)).ToArray()));
        Assert.Equal(readings.Length, result.Applied);
    }
}
