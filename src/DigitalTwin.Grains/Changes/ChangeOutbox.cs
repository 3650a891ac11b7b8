using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Changes;

/// <summary>
/// Descendants' changes a twin holds between two of its ticks, to publish on its subtree stream and pass to its
/// parent. Rollups are coalesced (only the latest per twin is kept: a rack flooded with reports still publishes one
/// change per server per tick); other changes are kept in order up to <see cref="Capacity"/>, beyond which the oldest
/// are dropped and counted, so a storm below never grows a container without limit.
/// </summary>
public sealed class ChangeOutbox
{
    /// <summary>How many changes other than rollups one tick carries at most.</summary>
    public const int Capacity = 10_000;

    private readonly Dictionary<string, TwinChange> _rollups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildReport> _reports = new(StringComparer.Ordinal);
    private readonly string _ownerId;

    /// <summary>Creates the outbox of the twin <paramref name="ownerId"/> (the parent its children's reports name).</summary>
    public ChangeOutbox(string ownerId) => _ownerId = ownerId;
    private readonly Queue<TwinChange> _events = new();

    /// <summary>Changes dropped since the last drain.</summary>
    public int Dropped { get; private set; }

    /// <summary>Whether nothing is waiting.</summary>
    public bool IsEmpty => _rollups.Count == 0 && _reports.Count == 0 && _events.Count == 0 && Dropped == 0;

    /// <summary>Adds one change: a rollup replaces the same twin's earlier one; anything else queues, dropping the oldest when full.</summary>
    public void Add(TwinChange change)
    {
        if (change.Change == TwinChangeKind.Rollup)
        {
            _reports.Remove(change.TwinId);
            _rollups[change.TwinId] = change;
            return;
        }
        if (_events.Count >= Capacity)
        {
            _events.Dequeue();
            Dropped++;
        }
        _events.Enqueue(change);
    }

    /// <summary>
    /// Keeps a direct child's report as its rollup change; only the latest per child is kept and it is turned into a
    /// change when drained, so a report costs one map update however many arrive per tick.
    /// </summary>
    public void AddReport(ChildReport report)
    {
        _rollups.Remove(report.ChildId);
        _reports[report.ChildId] = report;
    }

    /// <summary>Adds several changes.</summary>
    public void AddRange(IEnumerable<TwinChange> changes)
    {
        foreach (var change in changes) Add(change);
    }

    /// <summary>Takes everything out (rollups first, then the other changes in order), with the count dropped since the last drain.</summary>
    public (TwinChange[] Changes, int Dropped) Drain()
    {
        TwinChange[] changes = [.. _reports.Values.Select(FromReport), .. _rollups.Values, .. _events];
        _reports.Clear();
        var drained = (changes, Dropped);
        _rollups.Clear();
        _events.Clear();
        Dropped = 0;
        return drained;
    }

    /// <summary>A child's report as a change: containers carry their rollup, assets their latest values.</summary>
    private TwinChange FromReport(ChildReport report)
    {
        var container = report.Kind.LevelOf() < TwinLevel.Asset;
        return new TwinChange(report.ChildId, report.Kind, TwinChangeKind.Rollup, report.AsOf, report.Health,
            Metrics: container ? null : OwnMetrics(report.Metrics), Rollup: container ? report.Rollup : null, ParentId: _ownerId);
    }

    /// <summary>Metrics without the bookkeeping keys (<c>rollup.*</c>) a container adds for its parent.</summary>
    public static Dictionary<string, double> OwnMetrics(IEnumerable<KeyValuePair<string, double>> metrics)
    {
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (metric, value) in metrics)
        {
            if (!metric.StartsWith("rollup.", StringComparison.Ordinal)) own[metric] = value;
        }
        return own;
    }
}
