using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Health;
using DigitalTwin.Grains.Rollups;
using DigitalTwin.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// What every twin does, whatever its level: its place in the hierarchy, rollups on a timer, checkpoints on a
/// cadence, navigation and queries. A shadow twin (a what-if copy) never touches storage and only addresses twins
/// of its own scenario.
/// </summary>
public abstract partial class TwinGrain : Grain, ITwinGrain, ITwinMember
{
    private static readonly HashSet<string> InterleavingReads =
    [
        nameof(GetSnapshotAsync), nameof(GetParentAsync), nameof(GetChildrenAsync), nameof(GetPathAsync),
        nameof(FindDescendantsAsync), nameof(GetRollupAsync), nameof(GetRecentAsync), nameof(GetHistoryAsync),
        nameof(GetAlertsAsync), "GetPredictionAsync", "GetPredictionsAsync", "GetCommandsAsync", "GetIncidentsAsync",
    ];

    private readonly IPersistentState<TwinState> _state;
    private readonly ChildReportBook _reports = new();
    private TwinKey? _key;
    private IGrainTimer? _rollupTimer;
    private IGrainTimer? _checkpointTimer;
    private IGrainTimer? _expiryTimer;
    private RollupResult? _rollup;
    private HealthStatus _health;
    private string? _healthReason;
    private bool _ownChanged = true;
    private bool _reportDue;
    private bool _reportRequested;
    private bool _stale;

    /// <summary>Creates the twin over its persisted state.</summary>
    protected TwinGrain(IPersistentState<TwinState> state, IOptions<TwinOptions> options)
    {
        _state = state;
        Options = options.Value;
        Ledger = new TelemetryLedger(Options);
    }

    /// <summary>
    /// Whether a request is a read that may run while the twin is busy, so a rack flooded with reports or a twin
    /// waiting on storage still answers. These reads either touch no state across an await or tolerate it.
    /// </summary>
    public static bool IsInterleavingRead(IInvokable request) => InterleavingReads.Contains(request.GetMethodName());

    /// <summary>The twin's options.</summary>
    protected TwinOptions Options { get; }

    /// <summary>Latest values, windows and open history buckets.</summary>
    protected TelemetryLedger Ledger { get; }

    /// <summary>The persisted state.</summary>
    protected TwinState State => _state.State;

    /// <summary>This twin's key.</summary>
    protected TwinKey Key => _key ??= TwinKey.Parse(this.GetPrimaryKeyString());

    /// <summary>The definition; throws <see cref="TwinNotFoundException"/> when the twin was never provisioned.</summary>
    protected TwinSpec Spec => State.Spec ?? throw NotFound();

    /// <summary>Whether state changed since the last checkpoint.</summary>
    protected bool StateChanged { get; set; }

    /// <summary>The clock.</summary>
    protected TimeProvider Clock => TwinClock.From(ServiceProvider);

    /// <summary>The logger.</summary>
    protected ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    /// <summary>The level this grain class serves; a spec of another level is refused.</summary>
    protected abstract TwinLevel Level { get; }

    /// <summary>Marks the twin's own values (readings, alerts, definition) as changed, for the next rollup and checkpoint.</summary>
    protected void MarkOwnChanged()
    {
        _ownChanged = true;
        StateChanged = true;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reports.Use(State.ChildReports);
        if (State.Spec is not null) Start(fromStorage: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (State.Spec is null || !StateChanged) return;
        try
        {
            // A silo shutting down deactivates every twin at once, and moving their closed history buckets would be
            // one history grain per twin and metric while the silo refuses new activations: thousands of timeouts.
            // The buckets are part of the state, so writing it keeps them; the next checkpoint after a start moves them.
            if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown) await PersistAsync();
            else await CheckpointAsync();
        }
        catch (Exception error)
        {
            Logger.LogWarning(error, "Twin {Twin} could not checkpoint on deactivation ({Reason})", Key, reason);
        }
    }

    /// <summary>
    /// Starts the timers of a provisioned twin and asks the children whose report it does not hold for one. A twin
    /// that wakes from storage has its children's last reports and takes what its state implies as already published
    /// and reported, so waking one twin wakes neither its children nor (unless its report changed) its parent.
    /// </summary>
    private void Start(bool fromStorage = false)
    {
        _ownChanged = true;
        BaselineChanges();
        if (fromStorage) BaselineRollup(Refresh());
        _rollupTimer ??= this.RegisterGrainTimer(RollupTickAsync,
            new GrainTimerCreationOptions(Options.RollupInterval, Options.RollupInterval) { KeepAlive = false });
        _checkpointTimer ??= this.RegisterGrainTimer(CheckpointTickAsync,
            new GrainTimerCreationOptions(Options.CheckpointInterval, Options.CheckpointInterval) { KeepAlive = false });
        foreach (var child in State.Children)
        {
            if (!_reports.Holds(child.Id)) Child(child).RequestReportAsync().Ignore();
        }
    }

    private void Stop()
    {
        _rollupTimer?.Dispose();
        _checkpointTimer?.Dispose();
        _rollupTimer = null;
        _checkpointTimer = null;
    }

    private async Task CheckpointTickAsync(CancellationToken cancellationToken)
    {
        if (State.Spec is null || !StateChanged) return;
        if (_checkpointTicksToSkip > 0)
        {
            _checkpointTicksToSkip--;
            return;
        }
        try
        {
            await CheckpointAsync();
            if (_failedCheckpoints > 0) Logger.LogInformation("Twin {Twin} checkpointed again after {Failures} failed attempts", Key, _failedCheckpoints);
            _failedCheckpoints = 0;
        }
        catch (Exception error)
        {
            // The state stays marked changed, so a later tick (or deactivation) tries again: backing off (1, 2, 4, then
            // every 5 intervals) so a store that is down is not hammered by every twin at every tick.
            _failedCheckpoints++;
            _checkpointTicksToSkip = Math.Min(MaxCheckpointTicksSkipped, (1 << Math.Min(_failedCheckpoints - 1, 3)) - 1);
            if (_failedCheckpoints == 1) Logger.LogWarning(error, "Twin {Twin} could not checkpoint; it keeps its state in memory and tries again", Key);
        }
    }

    private const int MaxCheckpointTicksSkipped = 4;
    private int _failedCheckpoints;
    private int _checkpointTicksToSkip;

    /// <summary>Flushes closed history buckets and writes the state (live twins only).</summary>
    protected async Task CheckpointAsync()
    {
        StateChanged = false;
        try
        {
            await FlushHistoryAsync();
            BeforeCheckpoint();
            await WriteAsync();
        }
        catch
        {
            StateChanged = true;
            throw;
        }
    }

    /// <summary>
    /// Writes the state now, for the durable acknowledgement mode. The checkpoint's history flush is left out: the
    /// open one-minute buckets are part of the state, so nothing applied is lost, and the state stays marked changed
    /// so the next checkpoint still moves closed buckets to the history grains. Runs in the caller's turn, so no
    /// ingestion interleaves with the write.
    /// </summary>
    protected async Task PersistAsync()
    {
        BeforeCheckpoint();
        await WriteAsync();
    }

    /// <summary>Lets a twin put in-memory models into the state before it is written.</summary>
    protected virtual void BeforeCheckpoint()
    {
    }

    /// <summary>Writes the state, unless this is a shadow twin.</summary>
    protected Task WriteAsync() => Key.IsShadow ? Task.CompletedTask : _state.WriteStateAsync();

    /// <summary>The member interface of a twin in this twin's scope.</summary>
    protected ITwinMember Child(TwinRef twin) => GrainFactory.GetMember(Key.Sibling(twin.Id), twin.Kind);

    /// <summary>The public interface of a twin in this twin's scope.</summary>
    protected ITwinGrain Twin(TwinRef twin) => GrainFactory.GetTwin(Key.Sibling(twin.Id), twin.Kind);

    /// <summary>The parent's reference, or null for a root.</summary>
    protected TwinRef? ParentRef =>
        State.Spec?.ParentId is { } parentId && State.ParentKind is { } parentKind ? new TwinRef(parentId, parentKind) : null;

    /// <summary>The exception for a call on a twin that does not exist; the empty activation is let go.</summary>
    protected TwinNotFoundException NotFound()
    {
        DeactivateOnIdle();
        return new TwinNotFoundException(Key.TwinId);
    }

    /// <summary>The twin's own health from limits and alerts; containers have none of their own.</summary>
    protected virtual (HealthStatus Health, string? Reason) AssessOwnHealth() =>
        Level >= TwinLevel.Asset
            ? HealthAssessment.Assess(Spec, State.Latest, State.Alerts, Clock.GetUtcNow(), Options.StaleAfter)
            : (HealthStatus.Unknown, null);

    /// <summary>Brings health and rollup up to date when readings or child reports changed since the last computation.</summary>
    protected RollupResult Refresh()
    {
        var reportsChanged = _reports.Consume();
        if (_rollup is { } current && !_ownChanged && !reportsChanged) return current;
        _ownChanged = false;
        var (own, ownReason) = AssessOwnHealth();
        var openAlerts = State.Alerts.Count(a => a.State != AlertState.Resolved);
        var result = RollupCalculator.Compute(Spec, own, State.Latest, openAlerts, _reports.Reports, Clock.GetUtcNow());
        _rollup = result;
        _health = result.Rollup.WorstHealth;
        // A reason explains trouble: a healthy container needs none, an unhealthy one names its worst child.
        _healthReason = own >= _health ? ownReason : _health > HealthStatus.Ok ? WorstChildReason() : null;
        _reportDue = true;
        return result;
    }

    private string? WorstChildReason()
    {
        var worst = _reports.Reports
            .Where(r => r.Rollup is not null)
            .OrderByDescending(r => r.Rollup!.WorstHealth)
            .ThenBy(r => r.ChildId, StringComparer.Ordinal)
            .FirstOrDefault();
        return worst is null ? null : $"{worst.ChildId} is {worst.Rollup!.WorstHealth}";
    }

    private async Task RollupTickAsync(CancellationToken cancellationToken)
    {
        if (State.Spec is null) return;
        // Silence changes health without any event, so the tick notices when readings stop (or resume).
        var stale = Level >= TwinLevel.Asset && HealthAssessment.IsStale(State.Latest, Clock.GetUtcNow(), Options.StaleAfter);
        if (stale != _stale)
        {
            _stale = stale;
            _ownChanged = true;
        }
        var result = Refresh();
        if (_reportDue && ParentRef is { } parent)
        {
            _reportDue = false;
            var report = RollupCalculator.Report(Key.TwinId, Spec.Kind, State.Latest, result, State.Children.Count > 0, Options.MaxReportedMetrics);
            // A report that says what the parent already holds is not sent (unless the parent asked): the parent may be
            // asleep, and waking it for nothing is what made one read wake a whole room.
            var fingerprint = ReportFingerprint.Of(report);
            if (fingerprint != State.ReportedFingerprint || _reportRequested)
            {
                _reportRequested = false;
                if (fingerprint != State.ReportedFingerprint && !Key.IsShadow) StateChanged = true;
                State.ReportedFingerprint = fingerprint;
                // One-way: the parent's answer is not awaited, so a busy parent never slows its children down.
                await Child(parent).ReportAsync(report);
            }
        }
        await PublishChangesAsync(result);
    }
}
