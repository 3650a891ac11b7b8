namespace DigitalTwin.Models.Power;

/// <summary>
/// The power chain under one outage (or none).
/// </summary>
/// <param name="Outage">What failed.</param>
/// <param name="Nodes">Every UPS and PDU.</param>
/// <param name="Loads">Every load.</param>
public sealed record PowerState(PowerOutage Outage, IReadOnlyList<NodeLoad> Nodes, IReadOnlyList<LoadSupply> Loads)
{
    /// <summary>Loads with no live input.</summary>
    public IReadOnlyList<string> LostLoads => [.. Loads.Where(l => !l.Powered).Select(l => l.Id)];

    /// <summary>Loads still powered but on one path only.</summary>
    public IReadOnlyList<string> LoadsWithoutRedundancy => [.. Loads.Where(l => l.Powered && !l.Redundant).Select(l => l.Id)];

    /// <summary>Nodes carrying more than their capacity.</summary>
    public IReadOnlyList<string> OverloadedNodes => [.. Nodes.Where(n => n.Live && n.Overloaded).Select(n => n.Id)];

    /// <summary>Per path label, what the live nodes fed on that path carry and could carry, W.</summary>
    public IReadOnlyDictionary<string, (double LoadW, double CapacityW)> ByPath { get; init; } =
        new Dictionary<string, (double, double)>();

    /// <summary>The earliest a UPS on battery runs out, s; null when none is on battery.</summary>
    public double? FirstBatteryExhaustedS => Nodes.Where(n => n.OnBattery).Select(n => n.BatteryRemainingS).Min();
}
