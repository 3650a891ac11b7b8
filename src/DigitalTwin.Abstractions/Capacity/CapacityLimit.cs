namespace DigitalTwin.Abstractions.Capacity;

/// <summary>
/// One resource of a rack or room: how much is used and available, how many more servers of the size asked fit
/// before it runs out, and when it runs out at the present growth of load (a date and an interval; null when the load
/// does not grow, the history is too short, or the date lies beyond what the history can tell).
/// </summary>
/// <param name="Resource">One of <see cref="CapacityResources"/>.</param>
/// <param name="Used">Used now, in <paramref name="Unit"/>.</param>
/// <param name="Limit">Available in all, in <paramref name="Unit"/>.</param>
/// <param name="Unit"><c>W</c> or <c>U</c>.</param>
/// <param name="MoreServers">Servers of the size asked that still fit.</param>
/// <param name="ExhaustedAt">When the load trend reaches the limit.</param>
/// <param name="Earliest">The early end of the interval.</param>
/// <param name="Latest">The late end of the interval (null: it may never, within reach).</param>
/// <param name="Basis">The evidence in words.</param>
[GenerateSerializer, Immutable, Alias("dt.CapacityLimit")]
public sealed record CapacityLimit(
    [property: Id(0)] string Resource,
    [property: Id(1)] double Used,
    [property: Id(2)] double Limit,
    [property: Id(3)] string Unit,
    [property: Id(4)] int MoreServers,
    [property: Id(5)] DateTimeOffset? ExhaustedAt,
    [property: Id(6)] DateTimeOffset? Earliest,
    [property: Id(7)] DateTimeOffset? Latest,
    [property: Id(8)] string Basis);
