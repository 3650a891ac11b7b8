using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Alerts;
using DigitalTwin.Grains.Predictions;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// How the silo drives a twin: the topology grain provisions and reshapes it, its children report to it, and its
/// parent searches it. Not part of the public contract; every twin grain class implements it, so address it through
/// the typed level grain: <c>factory.GetTwin(key, kind).AsReference&lt;ITwinMember&gt;()</c>.
/// Every shape operation is idempotent, because the topology grain repeats operations that failed halfway.
/// </summary>
[Alias("dt.grains.ITwinMember")]
public interface ITwinMember : IGrainWithStringKey
{
    /// <summary>Creates the twin, or replaces its definition; <paramref name="parentKind"/> says how to address the parent.</summary>
    [Alias("Provision")]
    Task ProvisionAsync(TwinSpec spec, TwinKind? parentKind);

    /// <summary>Points the twin at a new parent (the twin keeps its id and readings).</summary>
    [Alias("SetParent")]
    Task SetParentAsync(TwinRef? parent);

    /// <summary>Adds children that are not attached yet.</summary>
    [Alias("AttachChildren")]
    Task AttachChildrenAsync(IReadOnlyList<TwinRef> children);

    /// <summary>Removes children if attached.</summary>
    [Alias("DetachChildren")]
    Task DetachChildrenAsync(IReadOnlyList<string> childIds);

    /// <summary>Forgets the twin: clears its stored state and deactivates it. Later calls throw TwinNotFoundException.</summary>
    [Alias("Decommission")]
    Task DecommissionAsync();

    /// <summary>A child's report for the rollup; sent one-way on the child's rollup tick.</summary>
    [OneWay, AlwaysInterleave, Alias("Report")]
    Task ReportAsync(ChildReport report);

    /// <summary>
    /// Changes from below (health, alerts, commands, and a container's subtree) for this twin to publish on its
    /// subtree stream and pass on; sent one-way on the child's tick.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("ForwardChanges")]
    Task ForwardChangesAsync(IReadOnlyList<Abstractions.Changes.TwinChange> changes);

    /// <summary>Asks the twin to report to its parent on its next tick (after a parent activated or adopted it).</summary>
    [OneWay, AlwaysInterleave, Alias("RequestReport")]
    Task RequestReportAsync();

    /// <summary>
    /// The twin itself, if it matches, and its matching descendants with ids after the query's
    /// <see cref="TwinQuery.After"/>, ordered by id, at most one more than the page size.
    /// </summary>
    [AlwaysInterleave, Alias("SearchSubtree")]
    Task<SubtreeMatches> SearchSubtreeAsync(TwinQuery query, TimeSpan budget);

    /// <summary>What this twin knows about the siblings of <paramref name="childId"/>, for an alert's explanation.</summary>
    [AlwaysInterleave, Alias("DescribeNeighbours")]
    Task<Neighbourhood> DescribeNeighboursAsync(string childId, string metric);

    /// <summary>
    /// The median of each of <paramref name="metrics"/> over this twin's children other than <paramref name="childId"/>
    /// that report it, from their latest reports (a server's physical peers: the rest of its rack). Metrics fewer than
    /// three other children report are left out: a median of two cannot outvote one wrong peer.
    /// </summary>
    [AlwaysInterleave, Alias("DescribePeerMedians")]
    Task<IReadOnlyDictionary<string, double>> DescribePeerMediansAsync(string childId, IReadOnlyList<string> metrics);

    /// <summary>The twin's own fitted trend of the wear signal <paramref name="metric"/>, or null when it has none.</summary>
    [AlwaysInterleave, Alias("DescribeWearTrend")]
    Task<WearTrendReport?> DescribeWearTrendAsync(string metric);

    /// <summary>
    /// The trends of <paramref name="metric"/> on this twin's children other than <paramref name="childId"/> that have
    /// one: a part's siblings, so that a fall they all share (a server's fans slowing with its load) is not read as the
    /// part wearing. Children that do not answer within the query timeout are left out.
    /// </summary>
    [AlwaysInterleave, Alias("DescribeSiblingWear")]
    Task<IReadOnlyList<WearTrendReport>> DescribeSiblingWearAsync(string childId, string metric);

    /// <summary>The subtree's failure predictions (this twin's own included), highest probability first, at most <paramref name="top"/>.</summary>
    [AlwaysInterleave, Alias("CollectPredictions")]
    Task<IReadOnlyList<MaintenancePrediction>> CollectPredictionsAsync(int top, TimeSpan budget);

    /// <summary>
    /// Makes a shadow twin a copy of a live twin's snapshot (definition, children, latest values), the first step of
    /// forking a subtree into a what-if scenario. Refused on live keys: a live twin's state comes only from the
    /// topology and its devices. A shadow seeded with a <paramref name="lifetime"/> lets itself go when it has
    /// passed (wall-clock time, whatever the twin's clock), even if the scenario that seeded it is gone, so shadows
    /// never outlive their scenario's expiry.
    /// </summary>
    [Alias("Seed")]
    Task SeedAsync(TwinSnapshot snapshot, TwinKind? parentKind, TimeSpan? lifetime = null);
}
