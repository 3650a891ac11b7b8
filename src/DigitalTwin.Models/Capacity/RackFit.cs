namespace DigitalTwin.Models.Capacity;

/// <summary>
/// How many more servers of a profile fit in one rack, by each limit.
/// </summary>
/// <param name="RackId">The rack.</param>
/// <param name="ByPower">By its budget and by its feeds after any single power failure (N+1).</param>
/// <param name="ByCooling">By cooling after any single CRAC failure (N+1), the rest of the room as it is.</param>
/// <param name="BySpace">By free rack units.</param>
public sealed record RackFit(string RackId, int ByPower, int ByCooling, int BySpace)
{
    /// <summary>What fits: the least of the three.</summary>
    public int Fits => Math.Min(ByPower, Math.Min(ByCooling, BySpace));

    /// <summary>The limit that binds first: <c>power</c>, <c>cooling</c> or <c>space</c>.</summary>
    public string LimitedBy => Fits == BySpace ? "space" : Fits == ByPower ? "power" : "cooling";
}
