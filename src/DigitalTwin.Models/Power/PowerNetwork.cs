namespace DigitalTwin.Models.Power;

/// <summary>A power chain: UPSs and PDUs, and the loads they feed.</summary>
/// <param name="Nodes">Every UPS and PDU.</param>
/// <param name="Loads">Every load (racks or servers; not both for the same equipment, or it counts twice).</param>
public sealed record PowerNetwork(IReadOnlyList<PowerNode> Nodes, IReadOnlyList<PowerLoad> Loads);
