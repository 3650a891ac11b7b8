using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// The warm air a starved rack breathes back comes from the hot aisle behind it, where its exhaust mixes with its row
/// neighbours'. When only it is short of air, its fed neighbours' cooler exhaust dilutes what it breathes, so it runs
/// away less far than a rack whose hot aisle is its own exhaust alone (the same rack standing on a row of its own).
/// Taking the rack's own exhaust everywhere put the simulator's starved racks 2 K too hot and their crossings a third
/// too early.
/// </summary>
public sealed class A_starved_rack_breathes_its_rows_hot_aisle
{
    /// <summary>Six racks at slots 1-6; rack 1 breathes crac-1's air, the others crac-2's. Either all on one row line,
    /// or each on a row line of its own (3 m apart, the same slots), so only the hot aisle they share differs.</summary>
    private static (ThermalRoom Room, ThermalParameters Parameters) Room(bool oneRow)
    {
        var rowLabels = Enumerable.Range(1, 6).Select(n => $"R{n}").ToList();
        var racks = Enumerable.Range(1, 6).Select(slot => new ThermalRack($"rack-{slot:00}",
            FloorGeometry.Locate(oneRow ? "A" : rowLabels[slot - 1], slot, oneRow ? ["A"] : rowLabels), 6000, 32, [], ServerCount: 12)).ToList();
        var room = new ThermalRoom("room-1", 400, racks,
        [
            new ThermalCrac("crac-1", new FloorPoint(0, 1.5), 40000, 2.5, 18, FanPowerW: 3000),
            new ThermalCrac("crac-2", new FloorPoint(4, 1.5), 80000, 5, 18, FanPowerW: 5000),
        ]);
        // The units' influences are given, not derived from the positions: the two rooms get the same air.
        var affinity = racks.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["crac-1"] = r.Id == "rack-01" ? 1 : 0.001,
            ["crac-2"] = r.Id == "rack-01" ? 0.001 : 1,
        });
        return (room, ThermalDefaults.For(room) with { Affinity = affinity });
    }

    [Fact]
    public void A_starved_rack_among_fed_neighbours_runs_away_less_far_than_one_alone_in_its_aisle()
    {
        var (row, rowParameters) = Room(oneRow: true);
        var (apart, apartParameters) = Room(oneRow: false);

        var inRow = new RoomThermalModel(row, rowParameters).Simulate([new CracFailure(0, "crac-1")], 1800, 10);
        var alone = new RoomThermalModel(apart, apartParameters).Simulate([new CracFailure(0, "crac-1")], 1800, 10);

        var starvedInRow = inRow.Racks.Single(r => r.Id == "rack-01");
        var starvedAlone = alone.Racks.Single(r => r.Id == "rack-01");
        // Both lose their air and breathe warm air; the one whose aisle is shared with five fed racks less so.
        Assert.True(starvedAlone.LeastAirShare < 0.5, $"alone: {starvedAlone.LeastAirShare:0.00} of its draw");
        Assert.Equal(starvedAlone.LeastAirShare, starvedInRow.LeastAirShare, 0.1);
        Assert.True(starvedInRow.PeakInletC < starvedAlone.PeakInletC - 1,
            $"in a row {starvedInRow.PeakInletC:0.00} °C, alone {starvedAlone.PeakInletC:0.00} °C");
        // The fed neighbours hold either way.
        foreach (var rack in inRow.Racks.Where(r => r.Id != "rack-01")) Assert.Null(rack.TimeToLimitS);
    }

    [Fact]
    public void Racks_that_all_share_their_fate_breathe_what_each_blows_out()
    {
        // Every rack alike and fed alike: the aisle's mix is each rack's own exhaust, so the row changes nothing.
        var (row, rowParameters) = Room(oneRow: true);
        var (apart, apartParameters) = Room(oneRow: false);
        var even = row.Racks.ToDictionary(r => r.Id, _ => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["crac-1"] = 1, ["crac-2"] = 1 });

        var inRow = new RoomThermalModel(row, rowParameters with { Affinity = even }).Simulate([new CracFailure(0, "crac-2")], 1800, 10);
        var alone = new RoomThermalModel(apart, apartParameters with { Affinity = even }).Simulate([new CracFailure(0, "crac-2")], 1800, 10);

        foreach (var rack in inRow.Racks)
            Assert.Equal(alone.Racks.Single(r => r.Id == rack.Id).PeakInletC, rack.PeakInletC, 0.05);
    }
}
