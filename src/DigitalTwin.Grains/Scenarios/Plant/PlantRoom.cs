namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A room: its air volume and the racks and CRACs in it.</summary>
internal sealed class PlantRoom
{
    public required string Id { get; init; }
    public required double VolumeM3 { get; init; }
    public bool VolumeRated { get; init; }
    /// <summary>The room's surveyed <c>bypass_fraction</c>, null when the topology does not give one.</summary>
    public double? BypassFraction { get; init; }
    /// <summary>The room's floor as its survey rates it (<c>air_reach_m</c>, <c>plenum_share</c>), null without one.</summary>
    public DigitalTwin.Models.Thermal.FloorReach? SurveyedReach { get; init; }
    public List<PlantRack> Racks { get; } = [];
    public List<PlantCrac> Cracs { get; } = [];
}
