using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Tests.Thermal;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Optimisation;

public class CoolingOptimiserTests
{
    private static ThermalRoom Overcooled() =>
        SyntheticRooms.TwoRows(setpointC: 16) is var room
            ? room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointMinC = 14, SetpointMaxC = 27, FanMinPct = 40 })] }
            : throw new InvalidOperationException();

    [Fact]
    public void An_overcooled_room_saves_energy_with_every_rack_within_its_limit_less_the_margin()
    {
        var room = Overcooled();
        var parameters = ThermalDefaults.For(room);

        // Steps wide enough that the limit, not the rate of change, is what binds.
        var recommendation = CoolingOptimiser.Recommend(room, parameters, new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60));

        Assert.True(recommendation.Feasible);
        Assert.True(recommendation.PredictedSavingPct > 10, $"saving {recommendation.PredictedSavingPct:0.0} %");
        // Judge the recommended settings with the model independently of the optimiser's own bookkeeping.
        var applied = room with
        {
            Cracs = [.. room.Cracs.Select(c => recommendation.Recommended.Single(s => s.CracId == c.Id) is var s ? c with { SetpointC = s.SetpointC, FanPct = s.FanPct } : c)],
        };
        var check = new RoomThermalModel(applied, parameters).SteadyState();
        Assert.All(check.RackInletC.Values, t => Assert.True(t <= 26 + 1e-6, $"inlet {t:0.00}"));
        Assert.Equal(recommendation.CoolingPowerAfterW, check.CoolingPowerW, 1e-6 * check.CoolingPowerW);
        Assert.True(check.CoolingPowerW < new RoomThermalModel(room, parameters).SteadyState().CoolingPowerW);
        // It uses the room it has: the hottest rack ends near the limit, not far below it.
        Assert.InRange(check.RackInletC.Values.Max(), 24.5, 26);
    }

    private static ThermalOperatingPoint SteadyAt(ThermalRoom room, ThermalParameters parameters, CoolingRecommendation recommendation) =>
        new RoomThermalModel(room with
        {
            Cracs = [.. room.Cracs.Select(c => recommendation.Recommended.Single(s => s.CracId == c.Id) is var s ? c with { SetpointC = s.SetpointC, FanPct = s.FanPct } : c)],
        }, parameters).SteadyState();

    [Fact]
    public void A_cold_air_floor_keeps_every_rack_supplied_above_it_and_costs_fan_power()
    {
        var room = Overcooled();
        var parameters = ThermalDefaults.For(room);
        var loose = new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60);

        var free = CoolingOptimiser.Recommend(room, parameters, loose);
        var floored = CoolingOptimiser.Recommend(room, parameters, loose with { MinColdAirShare = 1.3 });

        Assert.True(floored.Feasible);
        var check = SteadyAt(room, parameters, floored);
        Assert.All(check.RackSupplyShare, p => Assert.True(p.Value >= 1.3 - 1e-6, $"{p.Key} gets {p.Value:0.000} of the air it draws"));
        Assert.All(check.RackInletC.Values, t => Assert.True(t <= 26 + 1e-6, $"inlet {t:0.00}"));
        Assert.True(SteadyAt(room, parameters, free).RackSupplyShare.Values.Min() < 1.3, "the floor binds in this room");
        Assert.True(floored.CoolingPowerAfterW >= free.CoolingPowerAfterW - 1e-6);
    }

    [Fact]
    public void A_cold_air_floor_holds_for_what_the_racks_draw_once_warmer_settings_speed_their_fans_up()
    {
        var room = Overcooled();
        var parameters = ThermalDefaults.For(room);
        var today = new RoomThermalModel(room, parameters).SteadyState();

        var floored = CoolingOptimiser.Recommend(room, parameters, new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60, MinColdAirShare: 1.3));

        // The servers' fans answer their inlets (a rack's hottest, its bottom about 2 K cooler): what each rack will draw
        // at the recommended inlets, relative to today's draw, which the steady state keeps.
        static double Ramp(double hottestC) => ThermalDefaults.FanRamp(hottestC - 2, hottestC);
        var check = SteadyAt(room, parameters, floored);
        var growth = check.RackInletC.ToDictionary(p => p.Key, p => Ramp(p.Value) / Ramp(today.RackInletC[p.Key]));
        Assert.True(growth.Values.Max() > 1.03, $"the test needs settings that warm the inlets past the fans' ramp (growth {growth.Values.Max():0.000})");
        Assert.All(check.RackSupplyShare, p => Assert.True(p.Value >= 1.3 * growth[p.Key] - 1e-3,
            $"{p.Key} gets {p.Value:0.000} of today's draw, short of 1.3 × its draw at {check.RackInletC[p.Key]:0.0} °C ({1.3 * growth[p.Key]:0.000})"));
    }

    [Fact]
    public void Recommended_settings_stay_within_each_units_range_and_step()
    {
        var room = Overcooled();
        var constraints = new CoolingConstraints(MaxSetpointStepK: 2, MaxFanStepPct: 15);

        var recommendation = CoolingOptimiser.Recommend(room, ThermalDefaults.For(room), constraints);

        foreach (var setting in recommendation.Recommended)
        {
            var crac = room.Cracs.Single(c => c.Id == setting.CracId);
            Assert.InRange(setting.SetpointC, Math.Max(crac.SetpointMinC, crac.SetpointC - 2) - 0.05, Math.Min(crac.SetpointMaxC, crac.SetpointC + 2) + 0.05);
            Assert.InRange(setting.FanPct, Math.Max(crac.FanMinPct, crac.FanPct - 15) - 0.05, 100);
        }
    }

    [Fact]
    public void A_room_past_its_limit_gets_more_cooling_not_less()
    {
        var room = SyntheticRooms.TwoRows(rackPowerW: 11000, setpointC: 25, airflowM3PerS: 7);
        room = room with { Cracs = [.. room.Cracs.Select(c => c with { FanPct = 60 })] };
        var parameters = ThermalDefaults.For(room);
        var before = new RoomThermalModel(room, parameters).SteadyState();
        Assert.True(before.RackInletC.Values.Max() > 26, "the test needs a room past its limit");

        var recommendation = CoolingOptimiser.Recommend(room, parameters);

        Assert.True(recommendation.InletAfterC.Values.Max() < before.RackInletC.Values.Max());
        // The racks are short of air, so the fix is fan speed (a setpoint may even rise to pay for it).
        Assert.True(recommendation.Recommended.All(s => s.FanPct > 60));
        Assert.True(recommendation.Feasible);
        Assert.All(recommendation.InletAfterC.Values, t => Assert.True(t <= 26 + 1e-6));
    }

    [Fact]
    public void The_failure_check_tells_a_room_that_survives_a_crac_loss_from_one_that_does_not()
    {
        var ample = SyntheticRooms.TwoRows(rackPowerW: 5000, cracCapacityW: 120000, airflowM3PerS: 10, setpointC: 16);
        var thin = SyntheticRooms.TwoRows(rackPowerW: 9000, cracCapacityW: 60000, airflowM3PerS: 6, setpointC: 16);

        var ampleAnswer = CoolingOptimiser.Recommend(ample, ThermalDefaults.For(ample));
        var thinAnswer = CoolingOptimiser.Recommend(thin, ThermalDefaults.For(thin));

        Assert.True(ampleAnswer.NPlusOneKept);
        Assert.False(thinAnswer.NPlusOneKept);
        Assert.Equal(2, thinAnswer.FailureChecks.Count);
        Assert.All(thinAnswer.FailureChecks, c => Assert.False(c.WithinLimit));
    }
}
