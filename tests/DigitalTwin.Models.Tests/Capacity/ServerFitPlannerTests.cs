using DigitalTwin.Models.Capacity;
using DigitalTwin.Models.Power;
using DigitalTwin.Models.Tests.Thermal;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Capacity;

public class ServerFitPlannerTests
{
    private static readonly ServerProfile Server = new(500, SizeU: 2);

    private static List<RackSpace> Spaces(ThermalRoom room, double budgetW = 20000, int usedU = 20) =>
        [.. room.Racks.Select(r => new RackSpace(r.Id, budgetW, r.ItPowerW, 42, usedU))];

    [Fact]
    public void Space_binds_in_a_rack_with_power_and_cooling_to_spare()
    {
        var room = SyntheticRooms.TwoRows(rackPowerW: 3000, cracCapacityW: 150000, airflowM3PerS: 12);

        var fit = ServerFitPlanner.Plan(room, ThermalDefaults.For(room), Spaces(room, usedU: 36), null, Server);

        Assert.All(fit.Racks, r => Assert.Equal(3, r.BySpace));
        Assert.All(fit.Racks, r => Assert.Equal(34, r.ByPower));
        Assert.All(fit.Racks, r => Assert.Equal("space", r.LimitedBy));
        Assert.Equal(36, fit.Fits);
    }

    [Fact]
    public void Feeds_that_must_carry_a_rack_alone_after_a_failure_limit_it_below_its_budget()
    {
        var room = SyntheticRooms.TwoRows(racksPerRow: 1, rackPowerW: 6000, cracCapacityW: 150000, airflowM3PerS: 12);
        var network = new PowerNetwork(
            [new PowerNode("ups", PowerNodeKind.Ups, 200000, [], 600),
             .. room.Racks.SelectMany(r => new[] { new PowerNode($"{r.Id}-a", PowerNodeKind.Pdu, 10000, [new PowerLink("ups", "A")]), new PowerNode($"{r.Id}-b", PowerNodeKind.Pdu, 10000, [new PowerLink("ups", "B")]) })],
            [.. room.Racks.Select(r => new PowerLoad(r.Id, r.ItPowerW, [new PowerLink($"{r.Id}-a", "A"), new PowerLink($"{r.Id}-b", "B")]))]);

        var fit = ServerFitPlanner.Plan(room, ThermalDefaults.For(room), Spaces(room), new PowerModel(network), Server);

        // One PDU of 10 kW must carry the whole rack when the other fails: 4 kW more = 8 servers, not the 28 of its budget.
        Assert.All(fit.Racks, r => Assert.Equal(8, r.ByPower));
        Assert.All(fit.Racks, r => Assert.Equal("power", r.LimitedBy));
    }

    [Fact]
    public void Cooling_with_n_plus_one_binds_before_the_racks_do_in_a_thinly_cooled_room()
    {
        var room = SyntheticRooms.TwoRows(rackPowerW: 4000, cracCapacityW: 70000, airflowM3PerS: 9);
        var parameters = ThermalDefaults.For(room);

        var fit = ServerFitPlanner.Plan(room, parameters, Spaces(room, budgetW: 40000, usedU: 0), null, Server);

        Assert.True(fit.ByCooling < fit.Racks.Sum(r => Math.Min(r.ByPower, r.BySpace)), $"cooling {fit.ByCooling}");
        Assert.Equal(fit.ByCooling, fit.Fits);
        // One rack alone can take more than its share of what the room can take together.
        Assert.True(fit.Racks.Sum(r => r.ByCooling) > fit.ByCooling, $"racks {string.Join(",", fit.Racks.Select(r => r.ByCooling))} room {fit.ByCooling}");
        Assert.Equal(fit.ByCooling * Server.PowerW, fit.CoolingHeadroomW);
    }

    [Fact]
    public void A_server_without_power_or_size_is_refused()
    {
        var room = SyntheticRooms.TwoRows();
        Assert.Throws<ArgumentException>(() => ServerFitPlanner.Plan(room, ThermalDefaults.For(room), [], null, new ServerProfile(0)));
    }
}
