using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// Where the floor's reach is known each unit's air goes where the floor takes it, whatever the others blow, so a
/// rack keeps exactly its part of the units still running when one stops; and a room run warmer than its history has
/// its servers' fans faster, drawing more air than the history showed.
/// </summary>
public sealed class FloorAirTests
{
    [Fact]
    public void When_a_unit_stops_each_rack_keeps_exactly_its_part_of_the_others_air()
    {
        var room = SyntheticRooms.TwoRows();
        var reach = new FloorReach(2.5, 0.1);
        var parameters = ThermalDefaults.For(room) with { Reach = reach };
        var before = new RoomThermalModel(room, parameters).SteadyState().RackSupplyShare;
        var without = room with { Cracs = [.. room.Cracs.Select(c => c.Id == "crac-1" ? c with { Running = false } : c)] };
        var after = new RoomThermalModel(without, parameters).SteadyState().RackSupplyShare;

        // The floor's own split (both units blow alike): a unit's local air by e^(−d/L) over the racks, the plenum's evenly.
        double Part(ThermalRack rack, ThermalCrac crac) =>
            (1 - reach.PlenumShare) * reach.Weight(rack, crac)!.Value / room.Racks.Sum(r => reach.Weight(r, crac)!.Value)
            + reach.PlenumShare / room.Racks.Count;
        foreach (var rack in room.Racks)
        {
            var kept = Part(rack, room.Cracs[1]) / room.Cracs.Sum(c => Part(rack, c));
            Assert.Equal(kept, after[rack.Id] / before[rack.Id], 3);
        }
        // So the rack beside the lost unit loses most of its air, and the farther along the row the less a rack loses.
        Assert.True(after["rack-a01"] < 0.5 * before["rack-a01"], $"rack-a01 kept {after["rack-a01"] / before["rack-a01"]:P0}");
        var keptAlongRow = room.Racks.Where(r => r.Id.StartsWith("rack-a", StringComparison.Ordinal)).Select(r => after[r.Id] / before[r.Id]).ToList();
        Assert.True(keptAlongRow.Zip(keptAlongRow.Skip(1)).All(p => p.Second > p.First), string.Join(" ", keptAlongRow.Select(k => k.ToString("P0"))));
    }

    [Fact]
    public void A_room_run_warmer_than_its_history_draws_more_air_as_its_servers_fans_speed_up()
    {
        var room = SyntheticRooms.TwoRows(setpointC: 18);
        var truth = ThermalDefaults.For(room);
        var calibrated = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 5));
        Assert.NotNull(calibrated.FanBase);
        var warmer = room with { Cracs = [.. room.Cracs.Select(c => c with { SetpointC = 26 })] };

        var atHistory = new RoomThermalModel(room, calibrated).SteadyState();
        var warm = new RoomThermalModel(warmer, calibrated).SteadyState();
        var warmAtHistoryDraw = new RoomThermalModel(warmer, calibrated with { FanBase = null }).SteadyState();

        // The same cold air reaches each rack, but its servers now draw more of it: at inlets past the fans' ramp start
        // (24 °C) each rack's cold air covers less of its draw.
        foreach (var rack in room.Racks)
        {
            Assert.True(warm.RackInletC[rack.Id] > ThermalDefaults.FanRampStartC, $"{rack.Id} at {warm.RackInletC[rack.Id]:0.0} °C");
            Assert.True(warm.RackSupplyShare[rack.Id] < 0.95 * warmAtHistoryDraw.RackSupplyShare[rack.Id],
                $"{rack.Id}: {warm.RackSupplyShare[rack.Id]:0.000} of its draw against {warmAtHistoryDraw.RackSupplyShare[rack.Id]:0.000} at the history's draw");
        }
        // At the history's own settings nothing moves.
        var unchanged = new RoomThermalModel(room, calibrated with { FanBase = null }).SteadyState();
        foreach (var rack in room.Racks)
            Assert.Equal(unchanged.RackSupplyShare[rack.Id], atHistory.RackSupplyShare[rack.Id], 3);
    }
}
