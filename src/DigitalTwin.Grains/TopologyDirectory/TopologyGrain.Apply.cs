using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Grains.Twins;
using Microsoft.Extensions.Logging;

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
        var provisioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in change.Provisions.GroupBy(s => s.Kind.LevelOf()).OrderBy(g => g.Key))
        {
            await BoundedAsync(level, spec => Member(spec.Id, spec.Kind).ProvisionAsync(spec, KindOf(spec.ParentId)));
            foreach (var spec in level) provisioned.Add(spec.Id);
        }

        await BoundedAsync(change.Moves.Where(m => !provisioned.Contains(m.TwinId)), move =>
            Member(move.TwinId, move.Kind).SetParentAsync(new TwinRef(move.NewParentId, KindOf(move.NewParentId)!.Value)));

        var attachments = change.Provisions
            .Where(s => s.ParentId is not null)
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
    private async Task BoundedAsync<T>(IEnumerable<T> items, Func<T, Task> operation)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, _options.ApplyParallelism));
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
