using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// A rack that loses its cold air heats within seconds: the warm air spills over its top into the top servers at
/// once, those servers' fans speed up and draw more of it. The model must follow those loops at their own pace, not
/// at the pace of the answer's step.
/// </summary>
public class A_starving_rack_runs_away_at_the_pace_of_its_air
{
    private static ThermalSimulation Run(double stepS)
    {
        var room = SyntheticRooms.TwoRows(airflowM3PerS: 5, cracCapacityW: 70000);
        return new RoomThermalModel(room, ThermalDefaults.For(room)).Simulate([new CracFailure(0, "crac-1")], horizonS: 600, stepS: stepS);
    }

    [Fact]
    public void The_time_to_the_limit_does_not_depend_on_the_step_of_the_answer()
    {
        var coarse = Run(10);
        var fine = Run(1);

        Assert.NotNull(fine.FirstLimitS);
        Assert.NotNull(coarse.FirstLimitS);
        // The coarse answer interpolates between points 10 s apart, so it may place the crossing up to a step later;
        // the plant under it must be the same at every point both answers share.
        Assert.InRange(coarse.FirstLimitS!.Value, fine.FirstLimitS!.Value - 0.5, fine.FirstLimitS.Value + 10);
        var rack = fine.Racks.Single(r => r.Id == fine.FirstRackId);
        var same = coarse.Racks.Single(r => r.Id == fine.FirstRackId);
        for (var k = 1; k < coarse.TimesS.Count; k++)
            Assert.Equal(rack.InletC[10 * k], same.InletC[k], 0.3);
    }

    [Fact]
    public void The_top_server_takes_the_warm_air_spilling_over_the_rack_at_once()
    {
        var run = Run(1);

        var rack = run.Racks.Single(r => r.Id == run.FirstRackId);
        var firstSecond = rack.InletC[1] - rack.InletC[0];
        var firstFive = rack.InletC[5] - rack.InletC[0];
        // The stopped unit's fan coasts down (ThermalDefaults.CracCoastDownS), so the rack's air fades over these five
        // seconds and the top server, with no aisle between it and the warm air, follows it: about an eighth of the
        // five seconds' rise comes in the first (a fifth for an even fade, less as the rack first uses its spare air).
        // Through the aisle in front of the rack (a time constant of about 2.5 s) it would be a sixteenth or less.
        Assert.True(firstFive > 0.3, $"the rack starves: {firstFive:F2} K in 5 s");
        Assert.True(firstSecond > 0.1 * firstFive, $"{firstSecond:F2} K in the first second of {firstFive:F2} K in five");
    }
}
