using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Twins;

public abstract partial class TwinGrain
{
    /// <inheritdoc />
    public async Task ProvisionAsync(TwinSpec spec, TwinKind? parentKind)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Id != Key.TwinId) throw new ArgumentException($"Spec of '{spec.Id}' sent to twin '{Key.TwinId}'.", nameof(spec));
        if (spec.Kind.LevelOf() != Level) throw new ArgumentException($"A {spec.Kind} is not a {Level} twin.", nameof(spec));
        if (State.Spec is { } existing && existing.Kind != spec.Kind)
        {
            throw new InvalidOperationException($"Twin '{spec.Id}' is a {existing.Kind}; its kind cannot change to {spec.Kind}.");
        }
        var undo = SaveShape();
        State.Spec = spec;
        State.ParentKind = spec.ParentId is null ? null : parentKind;
        MarkOwnChanged();
        await WriteShapeAsync(undo);
        if (_rollupTimer is null) Start();
    }

    /// <inheritdoc />
    public async Task SetParentAsync(TwinRef? parent)
    {
        var spec = Spec;
        if (spec.ParentId == parent?.Id && State.ParentKind == parent?.Kind) return;
        var undo = SaveShape();
        State.Spec = spec with { ParentId = parent?.Id };
        State.ParentKind = parent?.Kind;
        MarkOwnChanged();
        await WriteShapeAsync(undo);
    }

    /// <inheritdoc />
    public async Task AttachChildrenAsync(IReadOnlyList<TwinRef> children)
    {
        _ = Spec;
        var undo = SaveShape();
        var changed = false;
        foreach (var child in children)
        {
            var at = State.Children.FindIndex(c => c.Id == child.Id);
            if (at >= 0 && State.Children[at] == child) continue;
            if (at >= 0) State.Children[at] = child;
            else State.Children.Add(child);
            changed = true;
        }
        if (changed)
        {
            MarkOwnChanged();
            await WriteShapeAsync(undo);
        }
        // A child may have reported before it was attached; that report was ignored, so ask again.
        foreach (var child in children) Child(child).RequestReportAsync().Ignore();
    }

    /// <inheritdoc />
    public async Task DetachChildrenAsync(IReadOnlyList<string> childIds)
    {
        _ = Spec;
        var undo = SaveShape();
        var removed = State.Children.RemoveAll(c => childIds.Contains(c.Id));
        if (removed > 0)
        {
            MarkOwnChanged();
            await WriteShapeAsync(undo);
        }
        foreach (var id in childIds)
        {
            if (_reports.Forget(id)) StateChanged = true;
        }
    }

    /// <inheritdoc />
    public Task SeedAsync(TwinSnapshot snapshot, TwinKind? parentKind, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Key.IsShadow) throw new InvalidOperationException($"Only shadow twins are seeded; '{Key}' is live.");
        if (snapshot.Spec.Id != Key.TwinId || snapshot.Spec.Kind.LevelOf() != Level)
        {
            throw new ArgumentException($"A snapshot of {snapshot.Spec.Kind} '{snapshot.Spec.Id}' cannot seed '{Key}'.", nameof(snapshot));
        }
        State.Spec = snapshot.Spec;
        State.ParentKind = snapshot.Spec.ParentId is null ? null : parentKind;
        State.Children = [.. snapshot.Children];
        State.Latest = new Dictionary<string, MetricValue>(snapshot.Latest, StringComparer.Ordinal);
        MarkOwnChanged();
        if (_rollupTimer is null) Start();
        if (lifetime is { } due)
        {
            _expiryTimer?.Dispose();
            _expiryTimer = this.RegisterGrainTimer(_ => DecommissionAsync(),
                new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DecommissionAsync()
    {
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        if (State.Spec is null) return;
        Stop();
        if (!Key.IsShadow) await _state.ClearStateAsync();
        _state.State = new TwinState();
        _reports.Use(State.ChildReports);
        _rollup = null;
        StateChanged = false;
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task ReportAsync(ChildReport report)
    {
        if (!State.Children.Exists(c => c.Id == report.ChildId)) return Task.CompletedTask;
        // Kept in the state, so the checkpoint writes it: the parent wakes with it and need not ask the child again.
        if (_reports.Accept(report) && !Key.IsShadow) StateChanged = true;
        NoteChildReport(report);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RequestReportAsync()
    {
        _reportDue = true;
        _reportRequested = true;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Shape changes are rare and must survive a crash, so they are written at once (live twins). When the write
    /// fails the shape is put back as it was, so the topology's retry finds the work still to do rather than a
    /// change that exists only in memory.
    /// </summary>
    private async Task WriteShapeAsync(Action undo)
    {
        StateChanged = false;
        try
        {
            await WriteAsync();
        }
        catch
        {
            undo();
            StateChanged = true;
            throw;
        }
    }

    private Action SaveShape()
    {
        var spec = State.Spec;
        var parentKind = State.ParentKind;
        var children = State.Children.ToList();
        return () =>
        {
            State.Spec = spec;
            State.ParentKind = parentKind;
            State.Children = children;
        };
    }
}
