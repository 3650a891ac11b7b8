namespace DataCentreSimulator.Plant;

/// <summary>
/// A row of racks with its own cold-aisle and hot-aisle air volumes: the racks breathe from the cold aisle and blow
/// into the hot aisle. Aisles are what make a rack's neighbours matter (a starved rack breathes its row's exhaust).
/// </summary>
internal sealed class Row(string label, int index)
{
    public string Label { get; } = label;

    /// <summary>Index among the room's rows (ordinal, ignoring case), as the floor plan counts them.</summary>
    public int Index { get; } = index;

    public List<Rack> Racks { get; } = [];

    /// <summary>Cold-aisle air temperature, °C.</summary>
    public double ColdAisleC { get; set; } = 20;

    /// <summary>Hot-aisle air temperature, °C.</summary>
    public double HotAisleC { get; set; } = 32;

    /// <summary>
    /// Air volume of each aisle, m³: rack width times the aisle's width (1.2 m, one floor tile pair) and the height of
    /// the racks (2.2 m). The containment of real aisles is never perfect, which is why the hot aisle leaks back.
    /// </summary>
    public double AisleVolumeM3 => Math.Max(1, Racks.Count) * 0.6 * 1.2 * 2.2;
}
