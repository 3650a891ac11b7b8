using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

public class RoomThermalModelTests
{
    [Fact]
    public void At_steady_state_the_cracs_remove_exactly_the_it_heat()
    {
        var room = SyntheticRooms.TwoRows();
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var steady = model.SteadyState();

        Assert.True(steady.Steady);
        Assert.Equal(room.Racks.Sum(r => r.ItPowerW), steady.CoolingLoadW, 1.0);
        Assert.All(steady.Cracs, c => Assert.Equal(18, c.SupplyC, 3));
        // Return = supply + heat / (ρ·cp·airflow) when no unit saturates.
        Assert.Equal(18 + 96000 / (Air.VolumetricHeatCapacity * 14), steady.ReturnC, 2);
        Assert.All(steady.RackInletC.Values, t => Assert.InRange(t, 18, steady.ReturnC));
    }

    [Fact]
    public void With_all_cooling_lost_the_room_heats_at_it_power_over_its_heat_capacity()
    {
        var room = SyntheticRooms.TwoRows();
        var parameters = ThermalDefaults.For(room);
        var model = new RoomThermalModel(room, parameters);

        var run = model.Simulate([new CracFailure(0, "crac-1"), new CracFailure(0, "crac-2")], horizonS: 7200, stepS: 10);

        var it = room.Racks.Sum(r => r.ItPowerW);
        // Racks now breathe room air, so their equipment soaks up heat at once: the room warms no faster than the
        // IT heat over the air's capacity, and later, with equipment and air warming together, at IT / (room + equipment).
        var initialSlope = (run.ReturnC[1] - run.ReturnC[0]) / 10;
        Assert.InRange(initialSlope, 0.1 * it / parameters.RoomHeatCapacityJPerK, it / parameters.RoomHeatCapacityJPerK);
        var equipment = parameters.Racks.Values.Sum(r => r.HeatCapacityJPerK);
        var lateSlope = (run.ReturnC[^1] - run.ReturnC[^61]) / 600;
        Assert.Equal(it / (parameters.RoomHeatCapacityJPerK + equipment), lateSlope, it / (parameters.RoomHeatCapacityJPerK + equipment) * 0.03);
        // The units' fans coast down and stop within a couple of minutes; from then on nothing is cooled.
        Assert.All(run.Cracs, c => Assert.All(c.CoolingLoadW.Skip(18), w => Assert.Equal(0, w)));
    }

    [Fact]
    public void A_stopped_units_air_fades_as_its_fan_coasts_down_and_a_faster_answer_spares_its_racks()
    {
        var room = SyntheticRooms.TwoRows(airflowM3PerS: 5, cracCapacityW: 70000);
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var lost = model.Simulate([new CracFailure(0, "crac-1")], horizonS: 300, stepS: 1);
        var unit = lost.Cracs.Single(c => c.Id == "crac-1");
        // Its coasting fan still pushes air over a coil that is still cold: it goes on cooling for a while, less and less.
        var running = model.SteadyState().Cracs.Single(c => c.Id == "crac-1").CoolingLoadW;
        Assert.InRange(unit.CoolingLoadW[2], 0.5 * running, 0.95 * running);
        Assert.InRange(unit.CoolingLoadW[30], 0.01 * running, 0.3 * running);
        Assert.Equal(0, unit.CoolingLoadW[^1]);

        // The others answer after 3 s or after 60 s: the early answer meets racks that still have most of the lost
        // unit's air, so half a minute on their hottest inlet is lower.
        var units = SyntheticRooms.WallUnits();
        var wall = units with { Cracs = [.. units.Cracs.Select(c => c with { FanPct = 70 })] };
        var walled = new RoomThermalModel(wall, ThermalDefaults.For(wall));
        var lostId = wall.Cracs[1].Id;
        ThermalSimulation Answered(double atS) => walled.Simulate(
            [new CracFailure(0, lostId), .. wall.Cracs.Where(c => c.Id != lostId).SelectMany(c => new ThermalPerturbation[]
                { new CracFanSpeedChange(atS, c.Id, 100), new CracSetpointChange(atS, c.Id, 14) })],
            horizonS: 300, stepS: 1);
        var early = Answered(3).Racks.Max(r => r.InletC[30]);
        var late = Answered(60).Racks.Max(r => r.InletC[30]);
        Assert.True(early < late - 1, $"answered at 3 s: {early:F1} °C; at 60 s: {late:F1} °C");
    }

    [Fact]
    public void A_unit_rated_to_stop_dead_takes_its_air_at_once_and_its_racks_reach_the_limit_sooner()
    {
        var coasting = SyntheticRooms.TwoRows(airflowM3PerS: 5, cracCapacityW: 70000);
        var braked = coasting with { Cracs = [.. coasting.Cracs.Select(c => c with { FanCoastDownS = 0 })] };
        ThermalSimulation Lose(ThermalRoom room) =>
            new RoomThermalModel(room, ThermalDefaults.For(room)).Simulate([new CracFailure(0, "crac-1")], horizonS: 600, stepS: 1);

        var dead = Lose(braked);
        var fading = Lose(coasting);

        Assert.Equal(0, dead.Cracs.Single(c => c.Id == "crac-1").CoolingLoadW[1]);
        Assert.True(fading.Cracs.Single(c => c.Id == "crac-1").CoolingLoadW[1] > 0);
        Assert.NotNull(dead.FirstLimitS);
        Assert.True(fading.FirstLimitS is null || fading.FirstLimitS > dead.FirstLimitS + 5,
            $"stopping dead: {dead.FirstLimitS:0} s to the limit; coasting: {fading.FirstLimitS:0} s");
    }

    [Fact]
    public void Heat_stored_over_a_transient_equals_it_heat_minus_heat_removed()
    {
        var room = SyntheticRooms.TwoRows();
        var parameters = ThermalDefaults.For(room);
        var model = new RoomThermalModel(room, parameters);

        var run = model.Simulate([new CracFailure(60, "crac-1"), new RackPowerChange(300, "rack-a01", 12000)], horizonS: 1800, stepS: 5);

        double removed = 0, it = 0;
        for (var k = 1; k < run.TimesS.Count; k++)
        {
            var dt = run.TimesS[k] - run.TimesS[k - 1];
            removed += run.Cracs.Sum(c => 0.5 * (c.CoolingLoadW[k] + c.CoolingLoadW[k - 1])) * dt;
            it += run.TimesS[k] <= 300 ? 96000 * dt : 100000 * dt;
        }
        var stored = parameters.RoomHeatCapacityJPerK * (run.ReturnC[^1] - run.ReturnC[0])
            + run.Racks.Sum(r => parameters.Racks[r.Id].HeatCapacityJPerK * (r.ExhaustC[^1] - r.ExhaustC[0]));
        Assert.Equal(it - removed, stored, Math.Abs(it - removed) * 0.03 + 2e5);
    }

    [Fact]
    public void A_failed_crac_heats_the_racks_it_cooled_first()
    {
        var room = SyntheticRooms.TwoRows(airflowM3PerS: 5, cracCapacityW: 70000);
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var run = model.Simulate([new CracFailure(0, "crac-1")], horizonS: 3600, stepS: 10);

        var near = run.Racks.Where(r => r.Id is "rack-a01" or "rack-b01").ToList();
        var far = run.Racks.Where(r => r.Id is "rack-a06" or "rack-b06").ToList();
        Assert.NotNull(run.FirstLimitS);
        Assert.Contains(run.FirstRackId, room.Racks.Where(r => r.Cooling.Contains("crac-1")).Select(r => r.Id));
        Assert.All(near, n => Assert.All(far, f => Assert.True(n.PeakInletC > f.PeakInletC, $"{n.Id} {n.PeakInletC} vs {f.Id} {f.PeakInletC}")));
        // The inlets climb from the start: no rack is past its limit at once, every rack near the failure gets there.
        Assert.True(run.FirstLimitS > 0);
        Assert.All(near, n => Assert.NotNull(n.TimeToLimitS));
    }

    [Fact]
    public void Raising_a_setpoint_or_the_it_load_never_cools_any_rack()
    {
        var room = SyntheticRooms.TwoRows();
        var baseline = new RoomThermalModel(room, ThermalDefaults.For(room)).SteadyState();
        var warmer = room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointC = c.SetpointC + 2 })] };
        var heavier = room with { Racks = [.. room.Racks.Select(r => r with { ItPowerW = r.ItPowerW * 1.3 })] };

        var warmerState = new RoomThermalModel(warmer, ThermalDefaults.For(warmer)).SteadyState();
        var heavierState = new RoomThermalModel(heavier, ThermalDefaults.For(room)).SteadyState();

        foreach (var rack in room.Racks)
        {
            Assert.True(warmerState.RackInletC[rack.Id] > baseline.RackInletC[rack.Id] + 1.5);
            Assert.True(heavierState.RackInletC[rack.Id] >= baseline.RackInletC[rack.Id]);
        }
        Assert.True(warmerState.CoolingPowerW < baseline.CoolingPowerW, "a warmer supply is cheaper to make");
    }

    [Fact]
    public void A_crac_short_of_capacity_cannot_hold_its_setpoint()
    {
        var room = SyntheticRooms.TwoRows(cracCapacityW: 40000);
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var run = model.Simulate([new CracFailure(0, "crac-2")], horizonS: 1800, stepS: 10);

        var survivor = run.Cracs.Single(c => c.Id == "crac-1");
        Assert.True(survivor.Saturated[^1]);
        Assert.True(survivor.SupplyC[^1] > 18.5, $"supply {survivor.SupplyC[^1]}");
        Assert.True(run.ReturnC[^1] > run.ReturnC[0] + 5);
    }

    [Fact]
    public void A_slower_fan_cuts_fan_power_by_the_cube_and_warms_the_return()
    {
        var room = SyntheticRooms.TwoRows();
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        var run = model.Simulate([new CracFanSpeedChange(0, "crac-1", 80), new CracFanSpeedChange(0, "crac-2", 80)], horizonS: 3600, stepS: 60);
        var before = model.SteadyState();

        Assert.True(run.ReturnC[^1] > before.ReturnC + 1);
        var fanBefore = before.Cracs.Sum(c => c.FanPowerW);
        Assert.Equal(8000, fanBefore, 1);
        var slowed = new RoomThermalModel(room with { Cracs = [.. room.Cracs.Select(c => c with { FanPct = 80 })] }, ThermalDefaults.For(room)).SteadyState();
        Assert.Equal(8000 * 0.512, slowed.Cracs.Sum(c => c.FanPowerW), 1);
        Assert.Equal(slowed.ReturnC, run.ReturnC[^1], 0.1);
    }

    [Fact]
    public void An_added_rack_warms_the_room_and_draws_air_from_its_neighbours()
    {
        var room = SyntheticRooms.TwoRows();
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));
        var added = new ThermalRack("rack-new", FloorGeometry.Locate("A", 9, ["A", "B"]), 15000, 27, ["crac-2"], ServerCount: 12);

        var run = model.Simulate([new RackAddition(600, added)], horizonS: 3600, stepS: 10);

        var newRack = run.Racks.Single(r => r.Id == "rack-new");
        Assert.True(double.IsNaN(newRack.InletC[0]));
        Assert.True(double.IsFinite(newRack.InletC[^1]));
        Assert.True(run.ReturnC[^1] > run.ReturnC[0] + 0.5);
        var neighbour = run.Racks.Single(r => r.Id == "rack-a06");
        Assert.True(neighbour.InletC[^1] > neighbour.InletC[0]);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var room = SyntheticRooms.TwoRows();
        var model = new RoomThermalModel(room, ThermalDefaults.For(room));

        Assert.Contains("no such CRAC", Assert.Throws<ArgumentException>(() => model.Simulate([new CracFailure(0, "crac-9")])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Simulate([], horizonS: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Simulate([], stepS: double.NaN));
        Assert.Contains("not negative", Assert.Throws<ArgumentException>(() => model.Simulate([new RackPowerChange(0, "rack-a01", -1)])).Message);
    }
}
