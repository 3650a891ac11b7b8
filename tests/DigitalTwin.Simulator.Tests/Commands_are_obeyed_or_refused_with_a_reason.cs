using System.Text;
using System.Text.Json;
using DataCentreSimulator.Commands;

namespace DigitalTwin.Simulator.Tests;

public class Commands_are_obeyed_or_refused_with_a_reason
{
    private static (bool Success, string Detail, string Topic) Send(CommandHandler handler, SimulatedSite site, string twin, string json)
    {
        var ack = handler.Handle($"dt/commands/{twin}", Encoding.UTF8.GetBytes(json), site.Simulation.ElapsedS, site.Simulation.Epoch)!.Value;
        using var body = JsonDocument.Parse(ack.Payload);
        return (body.RootElement.GetProperty("success").GetBoolean(), body.RootElement.GetProperty("detail").GetString()!, ack.Topic);
    }

    [Fact]
    public void A_setpoint_in_range_is_applied_and_one_outside_is_refused_naming_the_range()
    {
        var site = new SimulatedSite(servers: 40);
        var handler = new CommandHandler(site.Index, site.Faults, site.Truth);
        var crac = site.Plant.Cracs.First();

        var ok = Send(handler, site, crac.Id, """{"commandId":"c-1","name":"set_setpoint","arguments":{"setpoint_c":23}}""");
        var refused = Send(handler, site, crac.Id, """{"commandId":"c-2","name":"set_setpoint","arguments":{"setpoint_c":35}}""");
        var fan = Send(handler, site, crac.Id, """{"commandId":"c-3","name":"set_fan_speed","arguments":{"fan_pct":10}}""");

        Assert.True(ok.Success);
        Assert.Equal($"dt/commands/{crac.Id}/ack", ok.Topic);
        Assert.Equal(23, crac.SetpointC);
        Assert.False(refused.Success);
        Assert.Contains("15–27", refused.Detail);
        Assert.False(fan.Success);
        Assert.Contains("fan_pct 10", fan.Detail);
        Assert.Equal(75, crac.FanPct);
    }

    [Fact]
    public void A_fault_injected_on_sim_faults_acts_on_the_physics_at_once()
    {
        var site = new SimulatedSite(servers: 40);
        var handler = new CommandHandler(site.Index, site.Faults, site.Truth);
        var crac = site.Plant.Cracs.First();

        Assert.Null(handler.Handle("sim/faults", Encoding.UTF8.GetBytes($$"""{"kind":"crac_failure","target":"{{crac.Id}}"}"""), 10, site.Simulation.Epoch));
        Assert.True(crac.Failed);
        handler.Handle("sim/faults", Encoding.UTF8.GetBytes($$"""{"kind":"crac_failure","target":"{{crac.Id}}","clear":true}"""), 20, site.Simulation.Epoch);
        Assert.False(crac.Failed);
        handler.Handle("sim/faults", Encoding.UTF8.GetBytes("""{"kind":"meteor","target":"crac-a1"}"""), 30, site.Simulation.Epoch);
        Assert.Empty(site.Faults.Active);
    }
}
