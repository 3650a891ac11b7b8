namespace DataCentreSimulator.Plant;

/// <summary>A top-of-rack switch: a near-constant heat source in its rack.</summary>
internal sealed class NetworkSwitch(string id, Rack rack, double powerW, IReadOnlyList<PowerNode> sources)
{
    public string Id { get; } = id;
    public Rack Rack { get; } = rack;
    public double NominalPowerW { get; } = powerW;
    public IReadOnlyList<PowerNode> Sources { get; } = sources;

    public bool Running => Sources.Count == 0 || Sources.Any(s => s.IsLive);
    public double PowerW => Running ? NominalPowerW : 0;
}
