namespace DigitalTwin.Models.Power;

/// <summary>What one failure costs.</summary>
/// <param name="Outage">The failure.</param>
/// <param name="LostLoads">Loads left without power.</param>
/// <param name="OverloadedNodes">UPSs and PDUs pushed past their capacity by the load moving onto them.</param>
public sealed record PowerContingency(PowerOutage Outage, IReadOnlyList<string> LostLoads, IReadOnlyList<string> OverloadedNodes)
{
    /// <summary>True when nothing is lost and nothing overloaded.</summary>
    public bool Survived => LostLoads.Count == 0 && OverloadedNodes.Count == 0;
}
