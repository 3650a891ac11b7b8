namespace DigitalTwin.Models.Power;

/// <summary>Every single failure of a power chain and what it costs.</summary>
/// <param name="Contingencies">One per UPS, PDU and path.</param>
public sealed record RedundancyReport(IReadOnlyList<PowerContingency> Contingencies)
{
    /// <summary>True when the chain survives any single failure (N+1); false when it is only N.</summary>
    public bool NPlusOne => Contingencies.All(c => c.Survived);

    /// <summary>The failures it would not survive.</summary>
    public IReadOnlyList<PowerContingency> Critical => [.. Contingencies.Where(c => !c.Survived)];
}
