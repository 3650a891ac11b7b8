using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    /// <inheritdoc />
    public Task<TwinSnapshot> GetSnapshotAsync()
    {
        var spec = Spec;
        var rollup = Refresh().Rollup;
        return Task.FromResult(new TwinSnapshot(
            Key, spec, State.Children.ToArray(), new Dictionary<string, MetricValue>(State.Latest),
            _health, _healthReason, rollup, OpenAlerts(), Clock.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task<TwinRef?> GetParentAsync()
    {
        _ = Spec;
        return Task.FromResult(ParentRef);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TwinRef>> GetChildrenAsync()
    {
        _ = Spec;
        return Task.FromResult<IReadOnlyList<TwinRef>>(State.Children.ToArray());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TwinRef>> GetPathAsync()
    {
        var self = new TwinRef(Key.TwinId, Spec.Kind);
        if (ParentRef is not { } parent) return [self];
        var above = await Twin(parent).GetPathAsync();
        return [.. above, self];
    }

    /// <inheritdoc />
    public Task<TwinRollup> GetRollupAsync()
    {
        _ = Spec;
        return Task.FromResult(Refresh().Rollup);
    }

    /// <inheritdoc />
    public Task<MetricWindow> GetRecentAsync(string metric)
    {
        _ = Spec;
        return Task.FromResult(Ledger.Window(metric));
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeAlertAsync(string alertId, string operatorName)
    {
        _ = Spec;
        var at = State.Alerts.FindIndex(a => a.AlertId == alertId);
        if (at < 0 || State.Alerts[at].State == AlertState.Resolved) return false;
        State.Alerts[at] = State.Alerts[at] with
        {
            State = AlertState.Acknowledged,
            AcknowledgedAt = Clock.GetUtcNow(),
            AcknowledgedBy = operatorName,
        };
        StateChanged = true;
        if (!Key.IsShadow)
        {
            await ServiceProvider.RecordAuditAsync(AuditActions.AlertAcknowledge, Key.TwinId,
                $"alert {alertId} ({State.Alerts[at].Metric}) acknowledged as '{operatorName}'");
        }
        return true;
    }

    private TwinAlert[] OpenAlerts() => State.Alerts.Where(a => a.State != AlertState.Resolved).ToArray();
}
