using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>
/// What every twin answers, whatever its level. The grain key is <see cref="TwinKey.ToGrainKey"/>. Calls on a twin
/// that was never provisioned throw <see cref="TwinNotFoundException"/>.
/// </summary>
[RequiresRole(TwinRole.Viewer)]
public interface ITwinGrain : IGrainWithStringKey
{
    /// <summary>Everything the twin holds now.</summary>
    Task<TwinSnapshot> GetSnapshotAsync();

    /// <summary>The parent's reference; null for a data centre.</summary>
    Task<TwinRef?> GetParentAsync();

    /// <summary>The direct children.</summary>
    Task<IReadOnlyList<TwinRef>> GetChildrenAsync();

    /// <summary>The path from the data centre down to and including this twin.</summary>
    Task<IReadOnlyList<TwinRef>> GetPathAsync();

    /// <summary>
    /// Descendants (not the twin itself) matching <paramref name="query"/>, one page ordered by id. The query fans
    /// out over the subtree in parallel and is bounded by the query's page size and timeout.
    /// </summary>
    Task<TwinQueryPage> FindDescendantsAsync(TwinQuery query);

    /// <summary>The latest rollup of the twin's subtree; for a leaf twin, a rollup of itself.</summary>
    Task<TwinRollup> GetRollupAsync();

    /// <summary>The bounded recent window of raw readings of a metric.</summary>
    Task<MetricWindow> GetRecentAsync(string metric);

    /// <summary>The durable one-minute min/mean/max history of a metric between two instants (inclusive start, exclusive end).</summary>
    Task<IReadOnlyList<HistoryBucket>> GetHistoryAsync(string metric, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Alerts of the twin and, for containers, of its subtree; resolved ones only when asked.</summary>
    Task<IReadOnlyList<TwinAlert>> GetAlertsAsync(bool includeResolved = false);

    /// <summary>Acknowledges one of this twin's own alerts. Returns false when the alert is unknown or already resolved.</summary>
    [RequiresRole(TwinRole.Operator)]
    Task<bool> AcknowledgeAlertAsync(string alertId, string operatorName);
}
