using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>
/// How much cold air each rack gets follows from the proportions in which it breathes each unit's air: every unit's
/// air must go somewhere. Row A breathes units 1 and 3 (0.4 each) and unit 2 (0.2); row B breathes unit 2 (0.5) and
/// units 1 and 3 (0.25 each); the three units blow alike. Only row totals of 5/3 F for A and 4/3 F for B (F = a unit's
/// air less bypass) take each unit's air exactly (0.4·5/3 + 0.25·4/3 = 0.2·5/3 + 0.5·4/3 = 1), so row A must get a quarter more than row B, though both draw alike.
/// </summary>
public sealed class AirDeliveryTests
{
    private const double RiseK = 12, AirflowM3S = 3, FanPct = 80, RackPowerW = 6000;

    [Fact]
    public void Cold_air_reaches_each_rack_in_the_proportions_it_breathes_and_every_units_air_goes_somewhere()
    {
        var (room, parameters) = Room();
        var steady = new RoomThermalModel(room, parameters).SteadyState();

        var drawn = RackPowerW / (Air.VolumetricHeatCapacity * RiseK);
        double RowSupply(string row) => room.Racks.Where(r => r.Id.StartsWith($"rack-{row}", StringComparison.Ordinal))
            .Sum(r => steady.RackSupplyShare[r.Id] * drawn);
        var unitAir = (1 - parameters.BypassFraction) * AirflowM3S * FanPct / 100;

        Assert.Equal(3 * unitAir, RowSupply("a") + RowSupply("b"), 3 * unitAir * 0.005);
        Assert.Equal(5.0 / 3 * unitAir, RowSupply("a"), unitAir * 0.03);
        Assert.Equal(4.0 / 3 * unitAir, RowSupply("b"), unitAir * 0.03);
    }

    [Fact]
    public void A_row_that_breathes_a_stopped_unit_loses_its_part_of_that_units_air()
    {
        var (room, parameters) = Room();
        var stopped = room with { Cracs = [.. room.Cracs.Select(c => c.Id == "crac-3" ? c with { Running = false } : c)] };
        var running = new RoomThermalModel(room, parameters).SteadyState();
        var without = new RoomThermalModel(stopped, parameters).SteadyState();

        // Row A took 0.4 of its air from unit 3 and keeps 0.6; row B took 0.25 and keeps 0.75.
        Assert.Equal(0.6, without.RackSupplyShare["rack-a02"] / running.RackSupplyShare["rack-a02"], 0.02);
        Assert.Equal(0.75, without.RackSupplyShare["rack-b02"] / running.RackSupplyShare["rack-b02"], 0.02);
    }

    [Fact]
    public void Without_a_floor_survey_every_units_air_reaches_the_racks_and_a_surveyed_bypass_is_lost_to_them()
    {
        var (room, parameters) = Room();
        var surveyed = room with { BypassFraction = 0.3 };
        var leaky = ThermalDefaults.For(surveyed);
        var drawn = RackPowerW / (Air.VolumetricHeatCapacity * RiseK);
        double Delivered(ThermalRoom r, ThermalParameters p) =>
            new RoomThermalModel(r, p).SteadyState().RackSupplyShare.Values.Sum() * drawn;

        // The model returns to the room what racks do not draw; no further share is lost unless a survey says so.
        Assert.Equal(0, parameters.BypassFraction);
        Assert.Equal(3 * AirflowM3S * FanPct / 100, Delivered(room, parameters), 0.01);
        Assert.Equal(0.7 * 3 * AirflowM3S * FanPct / 100, Delivered(surveyed, parameters with { BypassFraction = leaky.BypassFraction }), 0.01);
        var source = leaky.Sources.Single(s => s.Parameter == "room.bypass");
        Assert.False(source.Calibrated);
        Assert.Contains("bypass_fraction 30", source.Basis, StringComparison.Ordinal);
        Assert.Contains("no bypass_fraction", ThermalDefaults.For(room).Sources.Single(s => s.Parameter == "room.bypass").Basis, StringComparison.Ordinal);
    }

    private static (ThermalRoom Room, ThermalParameters Parameters) Room()
    {
        var rows = new[] { "A", "B" };
        var racks = new List<ThermalRack>();
        foreach (var row in rows)
            for (var slot = 1; slot <= 4; slot++)
                racks.Add(new ThermalRack($"rack-{row.ToLowerInvariant()}{slot:00}", FloorGeometry.Locate(row, slot, rows), RackPowerW, 32, [], ServerCount: 10));
        var cracs = Enumerable.Range(1, 3)
            .Select(i => new ThermalCrac($"crac-{i}", null, 60000, AirflowM3S, 18, FanPct, FanPowerW: 4000))
            .ToList();
        var room = new ThermalRoom("room-1", 400, racks, cracs);
        var defaults = ThermalDefaults.For(room);
        var affinity = racks.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, double>)(r.Id.StartsWith("rack-a", StringComparison.Ordinal)
            ? new Dictionary<string, double> { ["crac-1"] = 0.4, ["crac-2"] = 0.2, ["crac-3"] = 0.4 }
            : new Dictionary<string, double> { ["crac-1"] = 0.25, ["crac-2"] = 0.5, ["crac-3"] = 0.25 }), StringComparer.Ordinal);
        var rackParameters = racks.ToDictionary(r => r.Id, r => defaults.Racks[r.Id] with { ExhaustRiseK = RiseK }, StringComparer.Ordinal);
        return (room, defaults with { Affinity = affinity, Racks = rackParameters });
    }
}
