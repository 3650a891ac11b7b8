using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Tests.Thermal;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Optimisation;

public class CoolingOptimiserFailureAirTests
{
    private static ThermalRoom Room(double rackPowerW = 8000, double fanPct = 80) =>
        SyntheticRooms.TwoRows(rackPowerW: rackPowerW, setpointC: 18) is var room
            ? room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointMinC = 14, SetpointMaxC = 27, FanMinPct = 30, FanPct = fanPct })] }
            : throw new InvalidOperationException();

    private static IReadOnlyDictionary<string, double> SharesWithout(ThermalRoom room, ThermalParameters parameters, string lost) =>
        new RoomThermalModel(room with { Cracs = [.. room.Cracs.Select(c => c.Id == lost ? c with { Running = false } : c)] }, parameters).SteadyState().RackSupplyShare;

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.3)]
    public void After_any_loss_no_rack_gets_less_cold_air_for_its_draw_than_it_would_today_up_to_an_ample_share(double ample)
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        // A critical limit every loss meets today and no setting reaches, so only the air floor binds N+1.
        var loose = new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60, FailureLimitC: 60);
        var guarded = CoolingOptimiser.Recommend(room, parameters, loose with { FailureColdAirShare = ample });
        var free = CoolingOptimiser.Recommend(room, parameters, loose);

        Assert.True(guarded.Feasible);
        var after = LossResponse.At(room, guarded.Recommended);
        var freeAfter = LossResponse.At(room, free.Recommended);
        var freeBreaks = false;
        foreach (var crac in room.Cracs)
        {
            var today = SharesWithout(room, parameters, crac.Id);
            var next = SharesWithout(after, parameters, crac.Id);
            var unguarded = SharesWithout(freeAfter, parameters, crac.Id);
            foreach (var (rack, share) in today)
            {
                // Warmer supply makes the servers draw more; the floor grows with it, so the share kept is at least this.
                var floor = Math.Min(share, ample);
                Assert.True(next[rack] >= floor - 1e-3, $"{crac.Id} lost: {rack} gets {next[rack]:0.000} of its draw, {floor:0.000} today");
                freeBreaks |= unguarded[rack] < floor - 1e-3;
            }
        }
        Assert.True(freeBreaks, "without the floor the optimiser would leave some rack short after a loss: the floor binds here");
        Assert.True(guarded.CoolingPowerAfterW < guarded.CoolingPowerBeforeW, "warmer supply still saves with the air kept");
    }

    [Fact]
    public void A_lower_ample_share_leaves_more_to_save_than_a_higher_one()
    {
        // A quarter of the heat at full fans: after a loss the racks still get well over their draw, more than is needed.
        var room = Room(rackPowerW: 2000, fanPct: 100);
        var parameters = ThermalDefaults.For(room);
        var loose = new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60, FailureLimitC: 60);

        var generous = CoolingOptimiser.Recommend(room, parameters, loose with { FailureColdAirShare = 2.0 });
        var lean = CoolingOptimiser.Recommend(room, parameters, loose with { FailureColdAirShare = 1.1 });

        Assert.True(lean.CoolingPowerAfterW < generous.CoolingPowerAfterW - 1,
            $"{lean.CoolingPowerAfterW:0} W with 1.1× the draw kept, {generous.CoolingPowerAfterW:0} W with 2×");
    }
}
