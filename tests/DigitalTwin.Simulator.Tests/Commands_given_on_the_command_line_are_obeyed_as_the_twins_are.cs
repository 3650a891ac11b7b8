using DataCentreSimulator.Commands;

namespace DigitalTwin.Simulator.Tests;

public class Commands_given_on_the_command_line_are_obeyed_as_the_twins_are
{
    [Fact]
    public void A_scheduled_setting_is_applied_and_one_outside_the_units_range_is_refused()
    {
        var site = new SimulatedSite(servers: 40);
        var handler = new CommandHandler(site.Index, site.Faults, site.Truth);
        var crac = site.Plant.Cracs.First();

        var setpoint = handler.Obey(ScheduledCommand.Parse($"60:{crac.Id}:set_setpoint:23.5"), 1, 60, site.Simulation.Epoch);
        var fan = handler.Obey(ScheduledCommand.Parse($"60:{crac.Id}:set_fan_speed:10"), 2, 60, site.Simulation.Epoch);

        Assert.True(setpoint.Success);
        Assert.Equal(23.5, crac.SetpointC);
        Assert.False(fan.Success);
        Assert.Contains("fan_pct 10", fan.Detail);
        Assert.Equal(75, crac.FanPct);
    }

    [Theory]
    [InlineData("crac-a1:set_setpoint:22")]
    [InlineData("60:crac-a1:set_power:22")]
    [InlineData("60:crac-a1:set_setpoint:warm")]
    [InlineData("-5:crac-a1:set_setpoint:22")]
    public void A_malformed_schedule_entry_is_refused_with_the_expected_form(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ScheduledCommand.Parse(text));
        Assert.Contains("<simulated s>:<crac>:<set_setpoint|set_fan_speed>:<value>", error.Message);
    }
}
