using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Telemetry;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// What a twin persists. The same shape serves every level; fields a level does not use stay empty. It must
/// round-trip through System.Text.Json without type names, so it is a plain mutable class with string-keyed maps.
/// </summary>
// ORLEANS0004 asks for an [Id] on every property; Trackers deliberately has none (see there).
#pragma warning disable ORLEANS0004
[GenerateSerializer]
public sealed class TwinState
{
    /// <summary>The definition from the topology; null while the twin was never provisioned (or was removed).</summary>
    [Id(0)] public TwinSpec? Spec { get; set; }

    /// <summary>The parent's kind, so the twin can address its parent; null for a data centre.</summary>
    [Id(8)] public TwinKind? ParentKind { get; set; }

    /// <summary>Direct children, as the topology attached them.</summary>
    [Id(1)] public List<TwinRef> Children { get; set; } = [];

    /// <summary>Latest value per metric.</summary>
    [Id(2)] public Dictionary<string, MetricValue> Latest { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One-minute buckets not yet flushed to history, per metric, oldest first.</summary>
    [Id(3)] public Dictionary<string, List<BucketState>> OpenBuckets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alerts raised by this twin, open ones and recently resolved ones.</summary>
    [Id(4)] public List<TwinAlert> Alerts { get; set; } = [];

    /// <summary>Recent commands, newest first (assets only).</summary>
    [Id(5)] public List<CommandStatus> Commands { get; set; } = [];

    /// <summary>The last day (yyyyMMdd) whose expired history was cleared, so the purge runs once per day.</summary>
    [Id(6)] public int HistoryPurgedThrough { get; set; }

    /// <summary>The first day (yyyyMMdd) the twin stored history; days before it need no purge.</summary>
    [Id(9)] public int HistoryStartedOn { get; set; }

    /// <summary>
    /// Degradation trend sums per metric, so forecasts survive reactivation. Stored by the JSON storage only (no
    /// Orleans [Id]): the model's record is not an Orleans-serializable type and the state never crosses the wire.
    /// </summary>
    public Dictionary<string, DegradationTrackerState> Trackers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest failure prediction (assets and components).</summary>
    [Id(7)] public MaintenancePrediction? Prediction { get; set; }

    /// <summary>Incidents grouped from the subtree's alerts, open and recently resolved (data centres only).</summary>
    [Id(10)] public List<Incident> Incidents { get; set; } = [];

    /// <summary>
    /// The latest report of each child, so a twin that wakes computes its rollup without waking its children (one
    /// report per child, each with a bounded set of metrics: see <see cref="TwinOptions.MaxReportedMetrics"/>).
    /// </summary>
    [Id(11)] public Dictionary<string, ChildReport> ChildReports { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of the last report sent to the parent (0: none), so a twin that wakes unchanged does not wake its parent.</summary>
    [Id(12)] public long ReportedFingerprint { get; set; }
}
#pragma warning restore ORLEANS0004
