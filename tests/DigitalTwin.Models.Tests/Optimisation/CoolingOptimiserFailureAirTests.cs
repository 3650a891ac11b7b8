using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Tests.Thermal;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Optimisation;

public class CoolingOptimiserFailureAirTests
{
    private static ThermalRoom Room() =>
        SyntheticRooms.TwoRows(setpointC: 18) is var room
            ? room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointMinC = 14, SetpointMaxC = 27, FanMinPct = 30, FanPct = 80 })] }
            : throw new InvalidOperationException();

    private static ThermalRoom At(ThermalRoom room, IReadOnlyList<CracSetting> settings) => room with
    {
        Cracs = [.. room.Cracs.Select(c => settings.SingleOrDefault(s => s.CracId == c.Id) is { } s ? c with { SetpointC = s.SetpointC, FanPct = s.FanPct } : c)],
    };

    private static IReadOnlyDictionary<string, double> SharesWithout(ThermalRoom room, ThermalParameters parameters, string lost) =>
        new RoomThermalModel(room with { Cracs = [.. room.Cracs.Select(c => c.Id == lost ? c with { Running = false } : c)] }, parameters).SteadyState().RackSupplyShare;

    [Fact]
    public void After_any_loss_the_room_survives_today_no_rack_gets_less_cold_air_for_its_draw_than_it_would_today()
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        // A failure limit every loss meets today, so every unit is held to N+1.
        var loose = new CoolingConstraints(MaxSetpointStepK: 10, MaxFanStepPct: 60);
        var guarded = CoolingOptimiser.Recommend(room, parameters, loose with { FailureLimitC = 45 });
        var free = CoolingOptimiser.Recommend(room, parameters, loose);

        Assert.DoesNotContain("N+1 not held", guarded.Method);
        var after = At(room, guarded.Recommended);
        var freeAfter = At(room, free.Recommended);
        var freeBreaks = false;
        foreach (var crac in room.Cracs)
        {
            var today = SharesWithout(room, parameters, crac.Id);
            var next = SharesWithout(after, parameters, crac.Id);
            var unguarded = SharesWithout(freeAfter, parameters, crac.Id);
            foreach (var (rack, share) in today)
            {
                var floor = Math.Min(share, 2.0);
                Assert.True(next[rack] >= floor - 1e-3, $"{crac.Id} lost: {rack} gets {next[rack]:0.000} of its draw, {floor:0.000} today");
                freeBreaks |= unguarded[rack] < floor - 1e-3;
            }
        }
        Assert.True(freeBreaks, "without N+1 the optimiser would leave some rack short after a loss: the floor binds here");
        Assert.True(guarded.CoolingPowerAfterW < guarded.CoolingPowerBeforeW, "warmer supply still saves with the air kept");
    }
}
