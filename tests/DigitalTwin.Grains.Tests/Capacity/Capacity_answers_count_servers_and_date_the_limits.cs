using DigitalTwin.Abstractions.Capacity;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;

namespace DigitalTwin.Grains.Tests.Capacity;

public sealed class Capacity_answers_count_servers_and_date_the_limits(CapacityClusterFixture cluster) : IClassFixture<CapacityClusterFixture>
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Servers_fit_until_the_rack_budget_space_or_cooling_with_one_crac_lost_runs_out()
    {
        var t = TestTopology.New();
        await ImportAsync(t, secondCrac: true);
        await PowerAsync(t, 400);

        var answer = await Grains.GetGrain<ICapacityGrain>(t.DataCentre).GetCapacityAsync(500);

        var room = Assert.Single(answer.Rooms);
        // Each rack: 10 kW budget, 3 × 400 W drawn → 17 more of 500 W; 42 U, 3 × 2 U used → 36 more of 1 U.
        Assert.All(room.Racks, r => Assert.Equal((17, CapacityResources.Power), (r.MoreServers, r.LimitedBy)));
        Assert.All(room.Racks, r => Assert.Equal(36, r.Limits.Single(l => l.Resource == CapacityResources.Space).MoreServers));
        // Two 50 kW CRACs: 50 kW survives losing one, 2.4 kW used → 95 more; the racks' budgets stop them first.
        var cooling = room.Limits.Single(l => l.Resource == CapacityResources.CoolingNPlusOne);
        Assert.Equal((50_000, 2_400, 95), (cooling.Limit, cooling.Used, cooling.MoreServers));
        Assert.Equal((34, CapacityResources.Power), (room.MoreServers, room.LimitedBy));
        Assert.Equal(34, answer.MoreServers);
        Assert.Contains("no trend yet", cooling.Basis);
    }

    [Fact]
    public async Task A_room_with_one_crac_has_no_cooling_left_with_n_plus_1()
    {
        var t = TestTopology.New();
        await ImportAsync(t, secondCrac: false);
        await PowerAsync(t, 400);

        var room = Assert.Single((await Grains.GetGrain<ICapacityGrain>(t.DataCentre).GetCapacityAsync(500)).Rooms);

        Assert.Equal((0, CapacityResources.CoolingNPlusOne), (room.MoreServers, room.LimitedBy));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Grains.GetGrain<ICapacityGrain>(t.DataCentre).GetCapacityAsync(0));
    }

    [Fact]
    public async Task A_growing_load_dates_when_the_rack_budget_runs_out()
    {
        var t = TestTopology.New();
        await ImportAsync(t, secondCrac: true);
        var capacity = Grains.GetGrain<ICapacityGrain>(t.DataCentre);
        await PowerAsync(t, 400);
        await capacity.GetCapacityAsync(500);
        for (var w = 500; w <= 1900; w += 100)
        {
            await PowerAsync(t, w);
            await Task.Delay(200);
        }

        var rack = (await capacity.GetCapacityAsync(500)).Rooms[0].Racks[0].Limits.Single(l => l.Resource == CapacityResources.Power);

        Assert.NotNull(rack.ExhaustedAt);
        Assert.InRange(rack.ExhaustedAt!.Value, DateTimeOffset.UtcNow.AddSeconds(-30), DateTimeOffset.UtcNow.AddHours(1));
        Assert.NotNull(rack.Earliest);
        Assert.True(rack.Earliest <= rack.ExhaustedAt);
        Assert.Contains("straight line", rack.Basis);
    }

    private async Task ImportAsync(TestTopology t, bool secondCrac)
    {
        var document = t.Document(rooms: 1, racks: 2, servers: 3);
        if (secondCrac)
        {
            document = new TopologyDocument([.. document.Twins, t.CracSpec('a') with { Id = t.Crac('a') + "2" }]);
        }
        var result = await Grains.GetLiveTopology().ImportAsync(document);
        Assert.True(result.Applied, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>Every server reports this power; returns once both racks' rollups show it.</summary>
    private async Task PowerAsync(TestTopology t, double watts)
    {
        for (var k = 1; k <= 2; k++)
        {
            for (var s = 1; s <= 3; s++)
            {
                var id = t.Server('a', k, s);
                await Grains.GetGrain<IAssetGrain>(id).IngestAsync(new TelemetryBatch(id, [new Reading(MetricNames.Power, watts, DateTimeOffset.UtcNow)]));
            }
        }
        for (var k = 1; k <= 2; k++)
        {
            await Eventually.Until(() => Grains.GetTwin(t.Rack('a', k), TwinKind.Rack).GetRollupAsync(), r => Math.Abs(r.ItPowerW - 3 * watts) < 1e-6, "rack power");
        }
    }
}
