using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Time;
using DigitalTwin.Grains.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace DigitalTwin.Grains.TopologyDirectory;

public sealed partial class TopologyGrain
{
    private IGrainTimer? _retry;

    /// <summary>
    /// Applies the pending change to its members, up to <paramref name="attempts"/> times; on success clears it.
    /// Returns null on success, or what went wrong (the change stays pending and a retry timer runs).
    /// </summary>
    private async Task<string?> DriveAsync(int attempts)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= attempts && state.State.Pending is { } pending; attempt++)
        {
            try
            {
                await ApplyAsync(pending);
                state.State.Pending = null;
                await WriteAsync();
                StopRetry();
                return null;
            }
            catch (Exception error)
            {
                last = error;
                logger.LogWarning(error, "Topology {Scope}: change {Version} failed on attempt {Attempt}", Scope, pending.Version, attempt);
                if (attempt < attempts) await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
        if (state.State.Pending is null) return null;
        StartRetry(_options.PendingRetryInterval);
        return last?.GetBaseException().Message ?? "not applied";
    }

    private void StartRetry(TimeSpan dueTime)
    {
        _retry ??= this.RegisterGrainTimer(async _ => await DriveAsync(attempts: 1),
            new GrainTimerCreationOptions(dueTime, _options.PendingRetryInterval) { KeepAlive = true });
    }

    private void StopRetry()
    {
        _retry?.Dispose();
        _retry = null;
    }

    /// <summary>
    /// The member operations, each idempotent: provision parents before children, re-point moved twins, attach
    /// children to their parents (one call per parent), detach them from the parents they left, and finally
    /// detach and decommission removed twins, children first.
    /// </summary>
    private async Task ApplyAsync(PendingChange change)
    {
        var written = await WriteCreatedAsync(change);
        var provisioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in change.Provisions.GroupBy(s => s.Kind.LevelOf()).OrderBy(g => g.Key))
        {
            await BoundedAsync(level.Where(s => !written.Contains(s.Id)), spec => Member(spec.Id, spec.Kind).ProvisionAsync(spec, KindOf(spec.ParentId)));
            foreach (var spec in level) provisioned.Add(spec.Id);
        }

        await BoundedAsync(change.Moves.Where(m => !provisioned.Contains(m.TwinId)), move =>
            Member(move.TwinId, move.Kind).SetParentAsync(new TwinRef(move.NewParentId, KindOf(move.NewParentId)!.Value)));

        // A parent whose first state was written lists its children already.
        var attachments = change.Provisions
            .Where(s => s.ParentId is not null && !written.Contains(s.ParentId))
            .Select(s => (Parent: s.ParentId!, Child: new TwinRef(s.Id, s.Kind)))
            .Concat(change.Moves.Select(m => (Parent: m.NewParentId, Child: new TwinRef(m.TwinId, m.Kind))))
            .GroupBy(a => a.Parent, a => a.Child);
        await BoundedAsync(attachments, group => Member(group.Key, KindOf(group.Key)!.Value).AttachChildrenAsync(group.Distinct().ToArray()));

        var departures = change.Moves
            .Where(m => m.OldParentId is not null && m.OldParentId != m.NewParentId && KindOf(m.OldParentId) is not null)
            .GroupBy(m => m.OldParentId!, m => m.TwinId);
        await BoundedAsync(departures, group => Member(group.Key, KindOf(group.Key)!.Value).DetachChildrenAsync(group.ToArray()));

        await ApplyRemovalsAsync(change.Removals);
    }

    /// <summary>
    /// Writes the first states of the twins the change creates straight to storage (<see cref="NewTwinStates"/>), so an
    /// import costs one stored row per twin instead of an activation, a provisioning write, an attachment write and a
    /// first report each. A write is insert-only: a twin whose row exists (a removed twin keeps an emptied row; a
    /// repeated attempt finds the rows it wrote) or that fails to write is provisioned through its grain as before,
    /// which is idempotent. New twins under which existing twins move are provisioned through their grain too. Returns
    /// the ids written. Scenario copies never touch storage, so they are always provisioned through their grains.
    /// </summary>
    private async Task<HashSet<string>> WriteCreatedAsync(PendingChange change)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        if (IsShadow || change.Created.Count == 0) return written;
        var created = change.Created.ToHashSet(StringComparer.Ordinal);
        var specs = change.Provisions.Where(s => created.Contains(s.Id)).ToList();
        var movedInto = change.Moves.Select(m => m.NewParentId).ToHashSet(StringComparer.Ordinal);
        var states = NewTwinStates.Build(specs, movedInto, KindOf, _options, TwinClock.From(ServiceProvider).GetUtcNow());
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Name);
        var failed = 0;
        Exception? firstFailure = null;
        await BoundedAsync(states, async pair =>
        {
            var kind = pair.Value.Spec!.Kind;
            try
            {
                await storage.WriteStateAsync(TwinStorage.States.Of(kind.LevelOf()), Member(pair.Key, kind).GetGrainId(), new GrainState<TwinState>(pair.Value));
                written.Add(pair.Key);
            }
            catch (Exception error)
            {
                failed++;
                firstFailure ??= error;
            }
        }, _options.ImportWriteParallelism);
        if (failed > 0)
        {
            logger.LogInformation("Topology {Scope}: {Failed} of {Count} new twins could not be written directly ({Reason}); they are provisioned one by one",
                Scope, failed, states.Count, firstFailure?.GetBaseException().Message);
        }
        return written;
    }

    private async Task ApplyRemovalsAsync(List<TopologyEntry> removals)
    {
        if (removals.Count == 0) return;
        var removed = removals.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var roots = removals
            .Where(r => r.ParentId is not null && !removed.Contains(r.ParentId) && KindOf(r.ParentId) is not null)
            .GroupBy(r => r.ParentId!, r => r.Id);
        await BoundedAsync(roots, group => Member(group.Key, KindOf(group.Key)!.Value).DetachChildrenAsync(group.ToArray()));
        foreach (var level in removals.GroupBy(r => r.Kind.LevelOf()).OrderByDescending(g => g.Key))
        {
            await BoundedAsync(level, entry => Member(entry.Id, entry.Kind).DecommissionAsync());
        }
    }

    /// <summary>
    /// Runs an operation per item with at most <see cref="TwinOptions.ApplyParallelism"/> in flight. Awaiting on the
    /// grain's scheduler keeps every continuation inside the activation. All items are attempted; the first failure
    /// is rethrown afterwards, so one bad member does not stop the others.
    /// </summary>
    private async Task BoundedAsync<T>(IEnumerable<T> items, Func<T, Task> operation, int? parallelism = null)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism ?? _options.ApplyParallelism));
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                await operation(item);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
    }

    private ITwinMember Member(string twinId, TwinKind kind) => GrainFactory.GetMember(KeyOf(twinId), kind);

    private TwinKind? KindOf(string? twinId) =>
        twinId is not null && Entries.TryGetValue(twinId, out var entry) ? entry.Kind : null;
}
