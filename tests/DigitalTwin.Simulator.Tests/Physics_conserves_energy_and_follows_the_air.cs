using DataCentreSimulator.Faults;

namespace DigitalTwin.Simulator.Tests;

public class Physics_conserves_energy_and_follows_the_air
{
    [Fact]
    public void In_a_steady_state_the_cracs_remove_the_heat_the_it_makes()
    {
        var site = new SimulatedSite();
        site.Run(3 * 3600);

        var it = site.Simulation.ItPowerW;
        var cooling = site.Simulation.CoolingLoadW;
        Assert.InRange(it, 20_000, 80_000);
        Assert.InRange(cooling / it, 0.97, 1.03);
        Assert.All(site.Plant.Racks, r => Assert.InRange(r.MaxInletC, 18, 27));
    }

    [Fact]
    public void A_crac_failure_heats_the_racks_it_cooled_faster_than_the_rest()
    {
        // A demo-sized hall: two rows of six racks, three CRACs on the walls.
        var site = new SimulatedSite(servers: 250);
        site.Run(3600);
        // crac-a2 stands alone on its wall (the generator alternates walls), so one row depends on it most.
        var crac = site.Plant.Cracs.Single(c => c.Id == "crac-a2");
        var before = site.Plant.Racks.ToDictionary(r => r.Id, r => r.MaxInletC);
        var nearest = site.Plant.Racks.OrderBy(r => Math.Pow(r.X - crac.X, 2) + Math.Pow(r.Y - crac.Y, 2)).Take(3).Select(r => r.Id).ToHashSet();

        site.Faults.Schedule([new FaultSpec(FaultKinds.CracFailure, crac.Id, site.Simulation.ElapsedS)]);
        site.Run(300);

        var rise = site.Plant.Racks.ToDictionary(r => r.Id, r => r.MaxInletC - before[r.Id]);
        var near = rise.Where(p => nearest.Contains(p.Key)).Average(p => p.Value);
        var far = rise.Where(p => !nearest.Contains(p.Key)).Average(p => p.Value);
        Assert.True(crac.Failed);
        Assert.Equal(0, crac.CoolingW);
        Assert.True(near > 3, $"racks next to {crac.Id} rose {near:0.0} K");
        Assert.True(near > 2 * far, $"near {near:0.0} K, elsewhere {far:0.0} K");
    }

    [Fact]
    public void A_stopped_units_fan_coasts_down_so_its_air_fades_over_seconds_and_a_commanded_speed_is_reached_by_ramping()
    {
        var site = new SimulatedSite(servers: 250);
        site.Run(1800);
        var crac = site.Plant.Cracs.Single(c => c.Id == "crac-a2");
        var running = crac.AirflowM3S;

        site.Faults.Schedule([new FaultSpec(FaultKinds.CracFailure, crac.Id, site.Simulation.ElapsedS)]);
        site.Run(2);
        // A large fan's rotor keeps turning unpowered: most of the air is still there two seconds on...
        Assert.InRange(crac.AirflowM3S, 0.7 * running, 0.95 * running);
        Assert.Equal(0, crac.CompressorPowerW);
        site.Run(30);
        Assert.InRange(crac.AirflowM3S, 0.05 * running, 0.25 * running);
        // ...and it stops within a couple of minutes.
        site.Run(120);
        Assert.Equal(0, crac.AirflowM3S);

        var other = site.Plant.Cracs.Single(c => c.Id == "crac-a1");
        var before = other.AirflowM3S;
        other.FanPct = 100;
        site.Run(2);
        var full = other.RatedAirflowM3S;
        Assert.InRange(other.AirflowM3S, before + 0.1 * (full - before), before + 0.5 * (full - before));
        site.Run(30);
        Assert.Equal(full, other.AirflowM3S, 0.01 * full);
    }

    [Fact]
    public void A_unit_rated_to_stop_dead_moves_no_air_once_stopped()
    {
        var site = new SimulatedSite(servers: 250);
        site.Run(600);
        var crac = site.Plant.Cracs.Single(c => c.Id == "crac-a2");
        crac.FanCoastDownS = 0;

        site.Faults.Schedule([new FaultSpec(FaultKinds.CracFailure, crac.Id, site.Simulation.ElapsedS)]);
        site.Run(1);

        Assert.Equal(0, crac.AirflowM3S);
        Assert.Equal(0, crac.CoolingW);
    }

    [Fact]
    public void A_saturated_crac_cannot_hold_its_setpoint_and_raising_the_setpoint_saves_compressor_power()
    {
        var site = new SimulatedSite(servers: 250);
        site.Run(1800);
        var cooling = site.Simulation.CoolingPowerW;
        foreach (var crac in site.Plant.Cracs) crac.SetpointC = 23;
        site.Run(1800);
        Assert.True(site.Simulation.CoolingPowerW < cooling, $"cooling power {cooling:0} W at 20 °C, {site.Simulation.CoolingPowerW:0} W at 23 °C");

        // One unit left for the whole hall, asked for its coldest air at full fan: more heat than its coil can take.
        var survivor = site.Plant.Cracs.First();
        survivor.SetpointC = survivor.SetpointMinC;
        survivor.FanPct = 100;
        foreach (var crac in site.Plant.Cracs.Skip(1)) site.Faults.Schedule([new FaultSpec(FaultKinds.CracFailure, crac.Id, site.Simulation.ElapsedS)]);
        site.Run(600);
        Assert.True(survivor.Saturated, $"{survivor.Id} cools {survivor.CoolingW:0} W");
        Assert.True(survivor.SupplyC > survivor.SetpointC + 1, $"supply {survivor.SupplyC:0.0} °C against setpoint {survivor.SetpointC} °C");
    }
}
