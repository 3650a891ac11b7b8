namespace DataCentreSimulator.Plant;

/// <summary>
/// A data hall: one well-mixed return-air volume above the aisles (the CRACs draw from it), the building structure
/// and furniture that store heat with it, its rows of racks and its CRACs.
/// </summary>
internal sealed class Room(string id, double volumeM3)
{
    public string Id { get; } = id;

    /// <summary>Air volume of the hall, m³ (rated <c>volume_m3</c>).</summary>
    public double VolumeM3 { get; } = volumeM3;

    public List<Row> Rows { get; } = [];
    public List<Rack> Racks { get; } = [];
    public List<Crac> Cracs { get; } = [];

    /// <summary>Return (mixed) air temperature, °C.</summary>
    public double AirC { get; set; } = 30;

    /// <summary>Temperature of the structure and idle equipment that exchange heat with the room air, °C.</summary>
    public double StructureC { get; set; } = 30;

    /// <summary>
    /// Heat capacity of the structure that takes part in a transient, J/K. Khankari (ASHRAE Trans. 2011): rooms heat
    /// fastest right after cooling stops, then slower as walls, floor tiles and racks take up heat; a structure node
    /// several times the air's capacity behind a finite surface conductance gives exactly that shape.
    /// </summary>
    public double StructureCapacity => 6 * Physics.Air.HeatCapacity(VolumeM3) + 40_000 * Racks.Count;

    /// <summary>Surface conductance between room air and structure, W/K: walls, floor and rack frames grow with the room.</summary>
    public double StructureConductance => 8 * VolumeM3 + 50 * Racks.Count;
}
