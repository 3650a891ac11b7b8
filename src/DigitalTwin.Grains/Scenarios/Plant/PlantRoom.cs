namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A room: its air volume and the racks and CRACs in it.</summary>
internal sealed class PlantRoom
{
    public required string Id { get; init; }
    public required double VolumeM3 { get; init; }
    public bool VolumeRated { get; init; }
    public List<PlantRack> Racks { get; } = [];
    public List<PlantCrac> Cracs { get; } = [];
}
