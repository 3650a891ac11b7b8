using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Models.Tests.Thermal;

/// <summary>Small rooms for tests: two rows of racks with a CRAC at each end.</summary>
internal static class SyntheticRooms
{
    /// <summary>Two rows (A, B) of <paramref name="racksPerRow"/> racks; crac-1 at the slot-0 end, crac-2 beyond the
    /// far end. Racks in the first half of a row list crac-1 first and both CRACs; so do the others for crac-2.</summary>
    public static ThermalRoom TwoRows(int racksPerRow = 6, double rackPowerW = 8000, double cracCapacityW = 80000,
        double airflowM3PerS = 7, double setpointC = 18, double volumeM3 = 500)
    {
        var rows = new[] { "A", "B" };
        var racks = new List<ThermalRack>();
        foreach (var row in rows)
            for (var slot = 1; slot <= racksPerRow; slot++)
                racks.Add(new ThermalRack($"rack-{row.ToLowerInvariant()}{slot:00}", FloorGeometry.Locate(row, slot + 1, rows),
                    rackPowerW, 27, slot <= racksPerRow / 2 ? ["crac-1"] : ["crac-2"], ServerCount: 10, NameplatePowerW: 1.5 * rackPowerW));
        var cracs = new List<ThermalCrac>
        {
            new("crac-1", new FloorPoint(0, 1.5), cracCapacityW, airflowM3PerS, setpointC, FanPowerW: 4000),
            new("crac-2", FloorGeometry.Locate("A", racksPerRow + 3, rows) with { Y = 1.5 }, cracCapacityW, airflowM3PerS, setpointC, FanPowerW: 4000),
        };
        return new ThermalRoom("room-1", volumeM3, racks, cracs);
    }

    /// <summary>Rows A–D of <paramref name="racksPerRow"/> racks, with four units along the two walls parallel to the
    /// rows (alternating, spread along them), as data centres set them: each row's nearest units are along a wall.</summary>
    public static ThermalRoom WallUnits(int racksPerRow = 8, double rackPowerW = 6000, double cracCapacityW = 70000,
        double airflowM3PerS = 6, double setpointC = 18)
    {
        string[] rows = ["A", "B", "C", "D"];
        var walls = new[] { "@", "E" };
        var labels = rows.Concat(walls).ToList();
        var racks = new List<ThermalRack>();
        foreach (var row in rows)
            for (var slot = 1; slot <= racksPerRow; slot++)
                racks.Add(new ThermalRack($"rack-{row.ToLowerInvariant()}{slot:00}", FloorGeometry.Locate(row, slot, labels),
                    rackPowerW, 27, [$"crac-{1 + (slot - 1) * 4 / racksPerRow}"], ServerCount: 10, NameplatePowerW: 1.5 * rackPowerW));
        var cracs = Enumerable.Range(0, 4).Select(c => new ThermalCrac($"crac-{c + 1}",
            FloorGeometry.Locate(walls[c % 2], 1 + c * racksPerRow / 4 + racksPerRow / 8, labels), cracCapacityW, airflowM3PerS, setpointC, FanPowerW: 4000)).ToList();
        return new ThermalRoom("room-1", 120 * racksPerRow, racks, cracs);
    }
}
