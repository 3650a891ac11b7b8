using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

public class LatestReadingCalibrationTests
{
    [Fact]
    public void One_reading_per_crac_sets_its_compressor_efficiency_so_the_model_reports_that_power()
    {
        var room = SyntheticRooms.TwoRows();
        var defaults = ThermalDefaults.For(room);
        var truth = defaults with
        {
            Cracs = defaults.Cracs.ToDictionary(c => c.Key, c => c.Value with { CompressorInputPerWatt = 0.33, CompressorInputSlopePerK = -0.03 * 0.33 }),
        };
        var seen = new RoomThermalModel(room, truth).SteadyState();
        var readings = seen.Cracs.ToDictionary(c => c.Id, c => new CracReading(c.SupplyC, c.CoolingLoadW, c.PowerW));

        var fitted = LatestReadingCalibration.CracPower(room, defaults, readings);

        var predicted = new RoomThermalModel(room, fitted).SteadyState();
        Assert.All(seen.Cracs, c => Assert.Equal(c.PowerW, predicted.Cracs.Single(p => p.Id == c.Id).PowerW, c.PowerW * 0.01));
        Assert.All(fitted.Cracs.Values, c => Assert.Equal(0.33, c.CompressorInputPerWatt, 0.01));
        Assert.True(fitted.Sources.Single(s => s.Parameter == "crac.power").Calibrated);
    }

    [Fact]
    public void A_reading_that_implies_an_impossible_efficiency_keeps_the_default()
    {
        var room = SyntheticRooms.TwoRows();
        var defaults = ThermalDefaults.For(room);
        var readings = room.Cracs.ToDictionary(c => c.Id, _ => new CracReading(18, 40_000, 100));

        var fitted = LatestReadingCalibration.CracPower(room, defaults, readings);

        Assert.Same(defaults, fitted);
    }

    [Fact]
    public void Latest_inlets_anchor_each_racks_offset_so_the_steady_state_starts_on_them()
    {
        var room = SyntheticRooms.TwoRows();
        var defaults = ThermalDefaults.For(room);
        var inlets = room.Racks.Select((r, k) => (r.Id, InletC: 20 + 0.3 * k)).ToDictionary(x => x.Id, x => x.InletC);

        var anchored = LatestReadingCalibration.InletOffsets(room, defaults, inlets);

        var steady = new RoomThermalModel(room, anchored).SteadyState();
        Assert.All(room.Racks, r => Assert.Equal(inlets[r.Id], steady.RackInletC[r.Id], 0.01));
    }
}
