using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// A unit's air comes up mostly through the tiles near it and fades with distance. The proportions in which each rack
/// breathes each unit's air (read from the units' hunting) carry that fading, and so does how much air each rack gets
/// along a row, which a steady history cannot show and which decides the rack that starves first when a unit stops.
/// </summary>
public sealed class FloorReachTests
{
    [Fact]
    public void With_the_floors_reach_known_the_racks_beside_the_units_get_more_air_than_the_far_end_of_the_row()
    {
        // One row of eight racks; both units stand at its left end, so rack 08 is 4 m from either.
        var racks = Enumerable.Range(1, 8)
            .Select(slot => new ThermalRack($"rack-a{slot:00}", FloorGeometry.Locate("A", slot, ["A"]), 6000, 27, [], ServerCount: 10))
            .ToList();
        var cracs = new List<ThermalCrac>
        {
            new("crac-1", new FloorPoint(0, 1.5), 60000, 3, 18, FanPowerW: 4000),
            new("crac-2", new FloorPoint(0.6, 1.5), 60000, 3, 18, FanPowerW: 4000),
        };
        var room = new ThermalRoom("room-1", 300, racks, cracs);
        var even = ThermalDefaults.For(room);
        var reached = even with { Reach = new FloorReach(3, 0) };

        var evenShares = new RoomThermalModel(room, even).SteadyState().RackSupplyShare;
        var reachedShares = new RoomThermalModel(room, reached).SteadyState().RackSupplyShare;

        // Unknown reach: racks that draw alike get much alike, wherever they stand (only the units' slightly different
        // influences move them).
        Assert.InRange(evenShares["rack-a01"] / evenShares["rack-a08"], 0.9, 1.15);
        // Known reach: the rack beside the units gets more than the far end, and every unit's air still goes somewhere.
        Assert.True(reachedShares["rack-a01"] > 1.5 * reachedShares["rack-a08"],
            $"beside the units {reachedShares["rack-a01"]:0.000}, at the far end {reachedShares["rack-a08"]:0.000}");
        Assert.Equal(evenShares.Values.Sum(), reachedShares.Values.Sum(), 0.01 * evenShares.Values.Sum());
    }

    [Fact]
    public void The_floors_reach_is_read_from_which_units_each_rack_breathes_when_their_supply_hunts()
    {
        var room = SyntheticRooms.TwoRows();
        // The true room: each unit's air fades over 3 m, so a rack breathes each unit in proportion to e^(−distance/3 m)
        // among all the racks that unit feeds.
        const double trueReachM = 3;
        var weights = room.Cracs.ToDictionary(c => c.Id, c => room.Racks.Sum(r => Math.Exp(-r.Position!.DistanceTo(c.Position!) / trueReachM)));
        var truth = ThermalDefaults.For(room) with
        {
            Affinity = room.Racks.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, double>)room.Cracs.ToDictionary(
                c => c.Id, c => Math.Exp(-r.Position!.DistanceTo(c.Position!) / trueReachM) / weights[c.Id], StringComparer.Ordinal), StringComparer.Ordinal),
            Reach = new FloorReach(trueReachM, 0),
        };

        var steady = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 5));
        var hunting = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 5, huntK: 0.5));

        // A steady history shows no influences, so nothing of the reach either.
        Assert.Null(steady.Reach);
        Assert.False(steady.Sources.Single(s => s.Parameter == "room.air_reach").Calibrated);
        // Hunting supplies show the influences, and their fading with distance gives the reach (a shorter reach with
        // some plenum matches much as a longer one without, so the check is on the length's range).
        Assert.NotNull(hunting.Reach);
        Assert.InRange(hunting.Reach.LengthM, 2, 4.5);
        var source = hunting.Sources.Single(s => s.Parameter == "room.air_reach");
        Assert.True(source.Calibrated);
        Assert.Contains("reach", source.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_that_cannot_tell_the_reach_leaves_it_to_the_floor_survey()
    {
        var room = SyntheticRooms.TwoRows();
        var surveyed = room with { SurveyedReach = new FloorReach(2.5, 0.1) };
        var truth = ThermalDefaults.For(room);
        var history = SyntheticHistory.Record(room, truth, hours: 2, seed: 5);

        var withoutSurvey = ThermalCalibrator.Calibrate(room, history);
        var withSurvey = ThermalCalibrator.Calibrate(surveyed, history);

        Assert.Null(withoutSurvey.Reach);
        Assert.Equal(new FloorReach(2.5, 0.1), withSurvey.Reach);
        var source = withSurvey.Sources.Single(s => s.Parameter == "room.air_reach");
        Assert.False(source.Calibrated);
        Assert.Contains("floor survey: air_reach_m 2.5 m, plenum_share 10", source.Basis, StringComparison.Ordinal);
        // With no history at all the survey is the floor too.
        Assert.Equal(new FloorReach(2.5, 0.1), ThermalDefaults.For(surveyed).Reach);
    }

    [Theory]
    [InlineData(3.0, 0.2, 3.0, 0.2)]
    [InlineData(3.0, null, 3.0, 0.0)]
    [InlineData(null, 0.2, null, null)]
    [InlineData(0.0, 0.2, null, null)]
    [InlineData(-1.0, null, null, null)]
    [InlineData(3.0, 1.5, null, null)]
    [InlineData(3.0, -0.1, null, null)]
    public void A_survey_needs_a_positive_reach_and_a_plenum_share_within_0_and_1(double? reachM, double? plenum, double? expectedM, double? expectedPlenum)
    {
        var survey = FloorReach.Surveyed(reachM, plenum);

        Assert.Equal(expectedM, survey?.LengthM);
        Assert.Equal(expectedPlenum, survey?.PlenumShare);
    }

    [Fact]
    public void Influences_alike_for_every_rack_say_nothing_of_the_reach()
    {
        var room = SyntheticRooms.TwoRows();
        var truth = ThermalDefaults.For(room) with
        {
            Affinity = room.Racks.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, double>)room.Cracs.ToDictionary(
                c => c.Id, _ => 1.0, StringComparer.Ordinal), StringComparer.Ordinal),
        };

        var hunting = ThermalCalibrator.Calibrate(room, SyntheticHistory.Record(room, truth, hours: 2, seed: 5, huntK: 0.5));

        Assert.True(hunting.Sources.Single(s => s.Parameter == "crac.influence").Calibrated);
        Assert.Null(hunting.Reach);
        Assert.Contains("no fading", hunting.Sources.Single(s => s.Parameter == "room.air_reach").Basis, StringComparison.Ordinal);
    }
}
