using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Changes;
using DigitalTwin.Grains.Rollups;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// The change feeds (<see cref="TwinChangeStreams"/>). Everything is published from the rollup tick, so a twin that
/// takes 40 readings a second still publishes at most once a second, and a twin where nothing changed publishes
/// nothing. Containers (racks, rooms, data centres) turn their children's reports into changes, publish their subtree
/// once per tick and pass the batch to their parent; shadow twins publish nothing.
/// </summary>
public abstract partial class TwinGrain
{
    private static readonly TimeSpan PublishWarningInterval = TimeSpan.FromMinutes(1);
    private readonly List<TwinChange> _queuedChanges = [];
    private readonly AlertTransitions _alertTransitions = new();
    private ChangeOutbox? _changeOutbox;
    private ChangeFeed? _feed;
    private TwinRollup? _publishedRollup;
    private Abstractions.Health.HealthStatus _publishedHealth;
    private DateTimeOffset _lastPublishWarning = DateTimeOffset.MinValue;

    private ChangeOutbox Outbox => _changeOutbox ??= new ChangeOutbox(Key.TwinId);

    private ChangeFeed Feed => _feed ??= ChangeFeed.For(ServiceProvider);

    private bool Publishes => !Key.IsShadow && Feed.Enabled;

    /// <summary>Queues a change of this twin (a command's outcome, an incident of a data centre) for the next tick.</summary>
    protected void QueueChange(TwinChangeKind kind, CommandStatus? command = null, string? detail = null, Incident? incident = null)
    {
        if (!Publishes) return;
        _queuedChanges.Add(new TwinChange(Key.TwinId, Spec.Kind, kind, Clock.GetUtcNow(), _health, _healthReason,
            Command: command, Detail: detail, ParentId: Spec.ParentId, Incident: incident));
    }

    /// <inheritdoc />
    public Task ForwardChangesAsync(IReadOnlyList<TwinChange> changes)
    {
        if (State.Spec is not null && Publishes) Outbox.AddRange(changes);
        return Task.CompletedTask;
    }

    /// <summary>A child's report is its rollup change, as far as the subtree streams are concerned.</summary>
    private void NoteChildReport(ChildReport report)
    {
        // Components' rollups stay on their own twin streams: an asset's subtree is the asset.
        if (Level > TwinLevel.Rack || !Publishes) return;
        Outbox.AddReport(report);
    }

    /// <summary>
    /// Takes the current alerts and the health the stored state implies as published, so a reactivated twin does not
    /// announce them again, while a change made before its first tick is still announced.
    /// </summary>
    private void BaselineChanges()
    {
        _alertTransitions.Baseline(State.Alerts);
        _publishedHealth = AssessOwnHealth().Health;
    }

    /// <summary>
    /// Takes the rollup and health a twin computed from its stored state on waking as published: nothing changed by
    /// waking, and announcing it would wake the parent (health changes are forwarded up) for nothing.
    /// </summary>
    private void BaselineRollup(RollupResult result)
    {
        _publishedRollup = result.Rollup;
        _publishedHealth = _health;
    }

    /// <summary>Publishes what changed since the last tick and passes the subtree's changes up.</summary>
    private async Task PublishChangesAsync(RollupResult result)
    {
        if (!Publishes) return;
        var spec = Spec;
        var now = result.Rollup.AsOf;
        var own = new List<TwinChange>(_queuedChanges);
        _queuedChanges.Clear();
        if (_publishedHealth != _health)
        {
            own.Add(Change(spec, TwinChangeKind.Health, now));
            _publishedHealth = _health;
        }
        foreach (var alert in _alertTransitions.Changed(State.Alerts)) own.Add(Change(spec, TwinChangeKind.Alert, now) with { Alert = alert });
        TwinChange? rollup = null;
        if (!ReferenceEquals(result.Rollup, _publishedRollup))
        {
            _publishedRollup = result.Rollup;
            rollup = Level < TwinLevel.Asset
                ? Change(spec, TwinChangeKind.Rollup, now) with { Rollup = result.Rollup }
                : Change(spec, TwinChangeKind.Rollup, now) with { Metrics = ChangeOutbox.OwnMetrics(RollupCalculator.ReportMetrics(State.Latest, result, false, Options.MaxReportedMetrics)) };
        }
        if (own.Count == 0 && rollup is null && Outbox.IsEmpty) return;

        var (below, dropped) = Outbox.Drain();
        var publishing = new List<Task>(own.Count * 2 + 2);
        foreach (var change in own)
        {
            publishing.Add(Feed.PublishAsync(TwinChangeStreams.ForTwin(Key.TwinId), change));
            publishing.Add(Feed.PublishAsync(TwinChangeStreams.ForKind(change.Change), change));
        }
        if (rollup is not null) publishing.Add(Feed.PublishAsync(TwinChangeStreams.ForTwin(Key.TwinId), rollup));
        if (Level <= TwinLevel.Rack)
        {
            TwinChange[] batch = [.. rollup is null ? [] : new[] { rollup }, .. own, .. below];
            if (batch.Length > 0 || dropped > 0)
            {
                publishing.Add(Feed.PublishAsync(TwinChangeStreams.ForSubtree(Key.TwinId), new TwinChangeBatch(Key.TwinId, now, batch, dropped)));
            }
        }
        // The parent learns this twin's rollup from its report; what it needs forwarded is everything else.
        if (ParentRef is { } parent && (own.Count > 0 || below.Length > 0)) publishing.Add(Child(parent).ForwardChangesAsync([.. own, .. below]));
        try
        {
            await Task.WhenAll(publishing);
        }
        catch (Exception error)
        {
            // The feeds are best effort: a subscriber catches up from the snapshot. Never let them stop the rollup.
            var at = Clock.GetUtcNow();
            if (at - _lastPublishWarning < PublishWarningInterval) return;
            _lastPublishWarning = at;
            Logger.LogWarning(error, "Twin {Twin} could not publish its changes", Key);
        }
    }

    private TwinChange Change(TwinSpec spec, TwinChangeKind kind, DateTimeOffset at) =>
        new(Key.TwinId, spec.Kind, kind, at, _health, _healthReason, ParentId: spec.ParentId);
}
