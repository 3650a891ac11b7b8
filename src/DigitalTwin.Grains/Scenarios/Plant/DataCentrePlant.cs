namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>
/// The forked subtree as the models see it, with a scenario's perturbations applied: rooms, racks, servers, CRACs,
/// power sources, failed feed paths and services. Built afresh for every run (baseline, scenario, mitigation).
/// </summary>
internal sealed class DataCentrePlant
{
    public Dictionary<string, PlantRoom> Rooms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PlantRack> Racks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PlantServer> Servers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PlantCrac> Cracs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PlantSource> Sources { get; } = new(StringComparer.Ordinal);
    public HashSet<string> FailedPaths { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<PlantService> Services { get; } = [];

    /// <summary>Parameters read from telemetry, with what they were read from.</summary>
    public SortedSet<string> Calibrated { get; } = new(StringComparer.Ordinal);

    /// <summary>Parameters that fell back to rated properties or defaults, with the reason.</summary>
    public SortedSet<string> Defaulted { get; } = new(StringComparer.Ordinal);

    public double ItPowerW => Racks.Values.Sum(r => r.PowerW);
}
