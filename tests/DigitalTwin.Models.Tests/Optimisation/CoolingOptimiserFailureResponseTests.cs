using DigitalTwin.Models.Optimisation;
using DigitalTwin.Models.Tests.Thermal;
using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Optimisation;

public class CoolingOptimiserFailureResponseTests
{
    // Wide enough that the limits, not the rate of change, bind.
    private static readonly CoolingConstraints Loose = new(MaxSetpointStepK: 10, MaxFanStepPct: 60);

    /// <summary>An over-cooled room that survives the loss of either unit at its present settings.</summary>
    private static ThermalRoom Room() =>
        SyntheticRooms.TwoRows(rackPowerW: 5000, setpointC: 16) is var room
            ? room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointMinC = 14, SetpointMaxC = 27, FanMinPct = 30, FanPct = 80 })] }
            : throw new InvalidOperationException();

    private static double WorstPeak(ThermalRoom room, ThermalParameters parameters, double responseS) =>
        room.Cracs.Max(c => LossResponse.Follow(room, parameters, c.Id, responseS, double.PositiveInfinity).PeakC);

    [Fact]
    public void After_any_loss_the_room_survives_today_no_rack_reaches_the_critical_limit_while_the_loop_answers()
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        var free = CoolingOptimiser.Recommend(room, parameters, Loose);
        var today = WorstPeak(room, parameters, 60);
        var unguarded = WorstPeak(LossResponse.At(room, free.Recommended), parameters, 60);
        Assert.True(unguarded > today + 1, $"the test needs a saving that a loss punishes: {today:0.0} °C today, {unguarded:0.0} °C without N+1");
        // A critical limit every loss meets today and the unguarded recommendation breaks.
        var limit = 0.5 * (today + unguarded);

        var guarded = CoolingOptimiser.Recommend(room, parameters, Loose with { FailureLimitC = limit, Response = new FailureResponse(DetectionS: 60) });

        Assert.True(guarded.Feasible);
        Assert.DoesNotContain("N+1 not held", guarded.Method);
        var after = LossResponse.At(room, guarded.Recommended);
        foreach (var crac in room.Cracs)
        {
            var (peak, first) = LossResponse.Follow(after, parameters, crac.Id, 60, limit);
            Assert.True(first is null && peak <= limit, $"{crac.Id} lost: a rack peaks at {peak:0.00} °C, limit {limit:0.00} °C");
        }
        Assert.All(guarded.FailureChecks, c => Assert.True(c.TimeToCriticalS is null && c.TransientPeakC <= limit + 1e-9, $"{c.FailedCracId}: {c.TransientPeakC:0.00} °C"));
        Assert.True(guarded.NPlusOneKept);
        Assert.True(guarded.CoolingPowerAfterW < guarded.CoolingPowerBeforeW, "it still saves");
        Assert.True(guarded.CoolingPowerAfterW >= free.CoolingPowerAfterW - 1e-6);
    }

    [Fact]
    public void A_failure_margin_keeps_every_loss_that_far_below_the_critical_limit()
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        var free = CoolingOptimiser.Recommend(room, parameters, Loose);
        var today = WorstPeak(room, parameters, 20);
        var limit = 0.5 * (today + WorstPeak(LossResponse.At(room, free.Recommended), parameters, 20));
        Assert.True(limit - 1 > today, $"the test needs a limit the room keeps today with the margin: {today:0.0} °C today, limit {limit:0.0} °C");
        var constraints = Loose with { FailureLimitC = limit, Response = new FailureResponse(DetectionS: 20) };

        var bare = CoolingOptimiser.Recommend(room, parameters, constraints);
        var margined = CoolingOptimiser.Recommend(room, parameters, constraints with { FailureMarginK = 1 });

        var barePeak = WorstPeak(LossResponse.At(room, bare.Recommended), parameters, 20);
        var marginedPeak = WorstPeak(LossResponse.At(room, margined.Recommended), parameters, 20);
        Assert.True(barePeak > limit - 1, $"without the margin the worst loss sits near the limit ({barePeak:0.00} °C of {limit:0.00} °C)");
        // The 5 s grid of this check against the optimiser's own.
        Assert.True(marginedPeak <= limit - 1 + 0.1, $"with a 1 K margin the worst loss peaks at {marginedPeak:0.00} °C, limit {limit:0.00} °C");
        Assert.True(margined.NPlusOneKept);
        Assert.True(margined.CoolingPowerAfterW >= bare.CoolingPowerAfterW - 1e-6);
        Assert.True(margined.CoolingPowerAfterW < margined.CoolingPowerBeforeW, "it still saves");
    }

    [Fact]
    public void A_slower_response_leaves_less_to_save()
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        // A critical limit the room keeps today whichever unit stops, even when the loop takes five minutes to answer.
        var limit = WorstPeak(room, parameters, 300) + 0.5;

        var quick = CoolingOptimiser.Recommend(room, parameters, Loose with { FailureLimitC = limit, Response = new FailureResponse(DetectionS: 20) });
        var slow = CoolingOptimiser.Recommend(room, parameters, Loose with { FailureLimitC = limit, Response = new FailureResponse(DetectionS: 300) });

        Assert.True(slow.CoolingPowerAfterW > quick.CoolingPowerAfterW, $"{slow.CoolingPowerAfterW:0} W answering in 300 s, {quick.CoolingPowerAfterW:0} W in 20 s");
        var after = LossResponse.At(room, slow.Recommended);
        Assert.All(room.Cracs, c => Assert.Null(LossResponse.Follow(after, parameters, c.Id, 300, limit).FirstS));
    }

    [Fact]
    public void A_loss_the_room_does_not_survive_today_is_reached_no_sooner_than_today()
    {
        var room = Room();
        var parameters = ThermalDefaults.For(room);
        // A critical limit the room reaches today when crac-1 stops, even with the loop's answer.
        var limit = LossResponse.Follow(room, parameters, "crac-1", 60, double.PositiveInfinity).PeakC - 1;
        var todayS = LossResponse.Follow(room, parameters, "crac-1", 60, limit).FirstS!.Value;

        var recommendation = CoolingOptimiser.Recommend(room, parameters, Loose with { FailureLimitC = limit, Response = new FailureResponse(DetectionS: 60) });

        Assert.Contains("N+1 not held for crac-1", recommendation.Method);
        Assert.False(recommendation.NPlusOneKept);
        var afterS = LossResponse.Follow(LossResponse.At(room, recommendation.Recommended), parameters, "crac-1", 60, limit).FirstS;
        // Tolerance 10 s, and this check's 5 s grid.
        Assert.True(afterS is null || afterS >= todayS - 10 - 5, $"a rack reaches {limit:0.0} °C after {afterS:0} s, {todayS:0} s today");
        Assert.True(recommendation.PredictedSavingPct > 0, $"saving {recommendation.PredictedSavingPct:0.0} %");
    }
}
