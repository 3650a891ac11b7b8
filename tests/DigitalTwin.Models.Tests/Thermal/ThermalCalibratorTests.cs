using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

public class ThermalCalibratorTests
{
    private static ThermalParameters Truth(ThermalRoom room)
    {
        var defaults = ThermalDefaults.For(room);
        var random = new Random(11);
        return defaults with
        {
            Racks = defaults.Racks.ToDictionary(r => r.Key, r => r.Value with
            {
                Recirculation = 0.02 + 0.25 * random.NextDouble(),
                InletOffsetK = 1.5 * random.NextDouble(),
                ExhaustRiseK = 14,
                HeatCapacityJPerK = r.Value.HeatCapacityJPerK * 0.6,
            }),
            Cracs = defaults.Cracs.ToDictionary(c => c.Key, c => c.Value with { CompressorInputPerWatt = 0.22, CompressorInputSlopePerK = -0.007, FanPowerW = 5500 }),
            RoomHeatCapacityJPerK = defaults.RoomHeatCapacityJPerK * 1.8,
        };
    }

    [Fact]
    public void Calibration_recovers_the_parameters_that_made_the_history()
    {
        var room = SyntheticRooms.TwoRows();
        var truth = Truth(room);
        var history = SyntheticHistory.Record(room, truth, hours: 4, seed: 5);

        var fitted = ThermalCalibrator.Calibrate(room, history);

        foreach (var rack in room.Racks)
        {
            var (want, got) = (truth.Racks[rack.Id], fitted.Racks[rack.Id]);
            Assert.Equal(want.ExhaustRiseK, got.ExhaustRiseK, 0.5);
            Assert.Equal(want.Recirculation, got.Recirculation, 0.04);
            // With sensor noise and a drive (warm air − supply) that moves little, recirculation and offset trade off
            // along the history's operating line: what must hold is the inlet they give there, r·drive + offset.
            var drive = MeanDrive(history, rack.Id);
            var (wantInlet, gotInlet) = (want.Recirculation * drive + want.InletOffsetK, got.Recirculation * drive + got.InletOffsetK);
            Assert.True(Math.Abs(wantInlet - gotInlet) < 0.3,
                $"{rack.Id}: r·drive + offset {gotInlet:0.000} want {wantInlet:0.000} (offset {got.InletOffsetK:0.000}/{want.InletOffsetK:0.000}, recirculation {got.Recirculation:0.000}/{want.Recirculation:0.000}, drive {drive:0.00} K)");
        }
        Assert.Equal(truth.RoomHeatCapacityJPerK, fitted.RoomHeatCapacityJPerK, truth.RoomHeatCapacityJPerK * 0.25);
        Assert.All(fitted.Cracs.Values, c => Assert.Equal(0.22, c.CompressorInputPerWatt, 0.02));
        Assert.All(fitted.Cracs.Values, c => Assert.InRange(c.FanPowerW, 4700, 6300));
        foreach (var name in new[] { "rack.exhaust_rise", "rack.recirculation", "rack.inlet_offset", "room.heat_capacity", "crac.power" })
            Assert.True(fitted.Sources.Single(s => s.Parameter == name).Calibrated, name);
        Assert.False(fitted.Sources.Single(s => s.Parameter == "crac.influence").Calibrated);
    }

    /// <summary>Mean of the warm air's rise over supply for a rack in a history: half its exhaust, half the room's
    /// return, less the mean supply.</summary>
    private static double MeanDrive(ThermalHistory history, string rackId)
    {
        var rack = history.Racks[rackId];
        var drives = Enumerable.Range(0, history.TimesS.Count).Select(k =>
            0.5 * rack.OutletMeanC[k] + 0.5 * history.Cracs.Values.Average(c => c.ReturnC[k]) - history.Cracs.Values.Average(c => c.SupplyC[k]))
            .Where(double.IsFinite).ToList();
        return drives.Average();
    }

    [Fact]
    public void A_calibrated_model_predicts_a_crac_failure_as_the_true_room_does()
    {
        var room = SyntheticRooms.TwoRows(airflowM3PerS: 5, cracCapacityW: 70000);
        var truth = Truth(room);
        var history = SyntheticHistory.Record(room, truth, hours: 4, seed: 9);

        var fitted = ThermalCalibrator.Calibrate(room, history);
        var predicted = new RoomThermalModel(room, fitted).Simulate([new CracFailure(0, "crac-1")], 3600, 10);
        var actual = new RoomThermalModel(room, truth).Simulate([new CracFailure(0, "crac-1")], 3600, 10);

        Assert.NotNull(actual.FirstLimitS);
        Assert.Equal(actual.FirstLimitS!.Value, predicted.FirstLimitS!.Value, actual.FirstLimitS.Value * 0.15);
        var mae = predicted.Racks.Zip(actual.Racks).Average(p => p.First.InletC.Zip(p.Second.InletC).Average(t => Math.Abs(t.First - t.Second)));
        Assert.True(mae < 0.5, $"inlet MAE {mae:0.00} °C");
    }

    [Fact]
    public void A_steady_short_history_keeps_the_defaults_and_says_so()
    {
        var room = SyntheticRooms.TwoRows();
        var history = SyntheticHistory.Record(room, ThermalDefaults.For(room), hours: 0.05, seed: 1, swingEveryS: 1e9);

        var fitted = ThermalCalibrator.Calibrate(room, history);

        Assert.Equal(ThermalDefaults.For(room).RoomHeatCapacityJPerK, fitted.RoomHeatCapacityJPerK);
        Assert.False(fitted.Sources.Single(s => s.Parameter == "room.heat_capacity").Calibrated);
        Assert.Contains("do not identify", fitted.Sources.Single(s => s.Parameter == "room.heat_capacity").Basis);
        Assert.False(fitted.Sources.Single(s => s.Parameter == "rack.recirculation").Calibrated);
    }

    [Fact]
    public void Units_whose_supply_hunts_show_which_racks_breathe_their_air()
    {
        var room = SyntheticRooms.TwoRows();
        // The true room: each unit's air comes up mostly through the tiles near it (fading over 2.5 m, a tenth evened
        // out by the plenum), so the racks at a row's end breathe the unit beside them far more than the other.
        var truth = ThermalDefaults.For(room) with { Reach = new FloorReach(2.5, 0.1) };
        var steady = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 3));
        var hunting = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 3, huntK: 0.5));

        Assert.False(steady.Sources.Single(s => s.Parameter == "crac.influence").Calibrated);
        Assert.True(hunting.Sources.Single(s => s.Parameter == "crac.influence").Calibrated);
        foreach (var rack in room.Racks.Where(r => r.Id.EndsWith("01", StringComparison.Ordinal) || r.Id.EndsWith("06", StringComparison.Ordinal)))
        {
            var own = rack.Cooling[0];
            var other = room.Cracs.Single(c => c.Id != own).Id;
            var ratio = hunting.Affinity[rack.Id][own] / hunting.Affinity[rack.Id][other];
            Assert.True(ratio > 1.5, $"{rack.Id}: {ratio:0.0} parts of {own}'s air to one of {other}'s");
        }
        // So the calibrated model foresees what the failure of one unit does to its own racks as the true room does.
        var predicted = new RoomThermalModel(room, hunting).Simulate([new CracFailure(0, "crac-1")], 1800, 10);
        var actual = new RoomThermalModel(room, truth).Simulate([new CracFailure(0, "crac-1")], 1800, 10);
        var guessed = new RoomThermalModel(room, steady).Simulate([new CracFailure(0, "crac-1")], 1800, 10);
        double Mae(ThermalSimulation run) => run.Racks.Zip(actual.Racks).Average(p => p.First.InletC.Zip(p.Second.InletC).Average(t => Math.Abs(t.First - t.Second)));
        Assert.True(Mae(predicted) < 0.7 * Mae(guessed), $"calibrated {Mae(predicted):0.00} °C, default {Mae(guessed):0.00} °C");
    }

    [Fact]
    public void A_racks_draw_is_judged_at_its_present_exhaust_rise_not_the_historys_typical_one()
    {
        var room = SyntheticRooms.TwoRows();
        // Three hours at a 15 K rise across the servers, then the night's quiet load: fans at their floor move more
        // air per watt and the rise falls to 12 K for the last twenty minutes.
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var builder = new ThermalHistoryBuilder(TimeSpan.FromSeconds(10));
        for (var t = 0; t < 3 * 3600 + 1200; t += 10)
        {
            var rise = t < 3 * 3600 ? 15.0 : 12.0;
            foreach (var rack in room.Racks)
            {
                builder.AddServerReading(rack.Id, rack.Id + "-s1", "inlet_temp_c", start.AddSeconds(t), 21);
                builder.AddServerReading(rack.Id, rack.Id + "-s1", "outlet_temp_c", start.AddSeconds(t), 21 + rise);
                builder.AddServerReading(rack.Id, rack.Id + "-s1", "power_w", start.AddSeconds(t), rack.ItPowerW);
            }
        }

        var fitted = ThermalCalibrator.Calibrate(room, builder.Build());

        Assert.All(room.Racks, r => Assert.Equal(12, fitted.Racks[r.Id].ExhaustRiseK, 0.01));
        Assert.Contains("last 15 minutes", fitted.Sources.Single(s => s.Parameter == "rack.exhaust_rise").Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restarted_units_warm_supply_does_not_tell_which_racks_breathe_its_air()
    {
        var room = SyntheticRooms.TwoRows();
        var truth = ThermalDefaults.For(room) with { Reach = new FloorReach(2.5, 0.1) };
        var calm = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 3, huntK: 0.5));
        // The same history with each unit stopped for ten minutes: after its restart its supply sensor reads the
        // room's air for a minute and a half while the racks it feeds already get its cold air again. Those readings
        // are the largest swing in the history and would pull every rack's shares towards nonsense.
        UnitOutage[] outages = [new("crac-1", 1800, 2400), new("crac-2", 4200, 4800)];
        var broken = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 3, huntK: 0.5, outages: outages));

        Assert.True(broken.Sources.Single(s => s.Parameter == "crac.influence").Calibrated);
        foreach (var rack in room.Racks)
            foreach (var crac in room.Cracs)
                Assert.Equal(calm.Affinity[rack.Id][crac.Id], broken.Affinity[rack.Id][crac.Id], 0.1 * calm.Affinity[rack.Id].Values.Max());
    }

    [Fact]
    public void Rows_that_breathe_one_cold_aisle_still_show_how_far_the_floor_carries_air()
    {
        // Units along the walls; the floor carries each unit's air over 3 m with a fifth evened out by the plenum, and
        // each row breathes one cold aisle, so every rack of a row answers the units' hunting alike: only from row to
        // row (nearer one wall or the other) does the air fade. Read rack by rack, a row's far racks answering their
        // far units as much as the near ones say the floor carries air much farther than it does.
        var room = SyntheticRooms.WallUnits();
        var truth = ThermalDefaults.For(room) with { Reach = new FloorReach(3, 0.2) };
        var calibrated = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 3, seed: 7, huntK: 0.5, sharedAisles: true));

        var basis = calibrated.Sources.Single(s => s.Parameter == "room.air_reach").Basis;
        Assert.True(calibrated.Reach is not null, basis);
        var reach = calibrated.Reach;
        Assert.True(reach.LengthM is >= 2 and <= 4.5 && Math.Abs(reach.PlenumShare - 0.2) <= 0.1,
            $"reach {reach.LengthM} m, plenum {reach.PlenumShare:P0} ({basis})");
    }
}
