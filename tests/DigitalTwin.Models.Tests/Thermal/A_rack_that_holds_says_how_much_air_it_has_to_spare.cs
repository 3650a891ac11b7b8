using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// A time to the limit says nothing of a rack that holds: one with half again the air it draws and one with a few
/// percent to spare both answer "none". The second sits on a tipping point (a little more load, or air the floor sends
/// elsewhere, and its servers breathe their own exhaust), so every rack's series carries the least cold air it had over
/// what it draws.
/// </summary>
public sealed class A_rack_that_holds_says_how_much_air_it_has_to_spare
{
    /// <summary>One row of eight racks with both units at its left end; each unit alone moves 3 m³/s.</summary>
    private static ThermalRoom Row(double rackPowerW) => new("room-1", 300,
        [.. Enumerable.Range(1, 8).Select(slot => new ThermalRack($"rack-a{slot:00}", FloorGeometry.Locate("A", slot, ["A"]), rackPowerW, 32, [], ServerCount: 10))],
        [
            new ThermalCrac("crac-1", new FloorPoint(0, 1.5), 60000, 3, 18, FanPowerW: 4000),
            new ThermalCrac("crac-2", new FloorPoint(0.6, 1.5), 60000, 3, 18, FanPowerW: 4000),
        ]);

    [Fact]
    public void Unperturbed_every_rack_keeps_the_air_its_steady_state_gives_it()
    {
        var room = Row(4500);
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var steady = model.SteadyState().RackSupplyShare;
        var run = model.Simulate([], 600, 10);

        foreach (var rack in run.Racks)
        {
            Assert.Equal(steady[rack.Id], rack.LeastAirShare, 0.01 * steady[rack.Id]);
            Assert.True(rack.LeastAirShare > 1.5, $"{rack.Id}: {rack.LeastAirShare:0.000} with both units running");
        }
    }

    [Fact]
    public void After_a_unit_stops_the_racks_that_hold_report_the_air_left_and_those_that_starve_report_less_than_they_draw()
    {
        // The row draws about 2.5 m³/s at 4.5 kW a rack: one unit leaves it about a fifth to spare, shared evenly
        // (the floor's reach unknown); at 8 kW a rack (4.4 m³/s) it is short by a third, and past the unit's capacity.
        var holding = Row(4500);
        var holdingModel = new RoomThermalModel(holding, ThermalDefaults.For(holding));
        var holds = holdingModel.Simulate([new CracFailure(0, "crac-2")], 1800, 10);
        var afterLoss = new RoomThermalModel(holding with { Cracs = [holding.Cracs[0], holding.Cracs[1] with { Running = false }] },
            ThermalDefaults.For(holding)).SteadyState().RackSupplyShare;

        Assert.Null(holds.FirstLimitS);
        foreach (var rack in holds.Racks)
        {
            // What one unit's air gives it, to within the transient's fans (they speed up a little as the inlet warms).
            Assert.InRange(rack.LeastAirShare, 1.05, 1.35);
            Assert.Equal(afterLoss[rack.Id], rack.LeastAirShare, 0.03 * afterLoss[rack.Id]);
        }

        var starving = Row(8000);
        var starves = new RoomThermalModel(starving, ThermalDefaults.For(starving)).Simulate([new CracFailure(0, "crac-2")], 1800, 10);
        Assert.NotNull(starves.FirstLimitS);
        foreach (var rack in starves.Racks.Where(r => r.TimeToLimitS is not null))
            Assert.True(rack.LeastAirShare < 1, $"{rack.Id} reached its limit with {rack.LeastAirShare:0.000} of its draw");
    }
}
