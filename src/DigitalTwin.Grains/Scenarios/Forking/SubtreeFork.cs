using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;

namespace DigitalTwin.Grains.Scenarios.Forking;

/// <summary>
/// Copies the live state of a subtree into shadow twins of a scenario, and lets them go again. Only containers
/// and assets are copied: the models need racks, servers, CRACs, PDUs and UPSs (and services), never components,
/// which make up nine tenths of a data centre's twins. Reads and seeds run in parallel, bounded.
/// </summary>
internal sealed class SubtreeFork(IGrainFactory grains, int parallelism)
{
    /// <summary>The directory entries of the subtree under <paramref name="rootId"/> (the root included); empty when the root is unknown.</summary>
    public static Dictionary<string, TopologyEntry> Subtree(TopologyView view, string rootId)
    {
        var children = view.Entries.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!, StringComparer.Ordinal);
        var subtree = new Dictionary<string, TopologyEntry>(StringComparer.Ordinal);
        var root = view.Entries.FirstOrDefault(e => e.Id == rootId);
        if (root is null) return subtree;
        var pending = new Stack<TopologyEntry>([root]);
        while (pending.TryPop(out var entry))
        {
            if (!subtree.TryAdd(entry.Id, entry)) continue;
            foreach (var child in children[entry.Id]) pending.Push(child);
        }
        return subtree;
    }

    /// <summary>Whether the models need a twin of this kind (containers and assets, not components).</summary>
    public static bool Needed(TwinKind kind) => kind.LevelOf() != TwinLevel.Component;

    /// <summary>
    /// Reads the snapshots of the twins the models need, in parallel, and the definitions of services outside the
    /// subtree. Reading changes nothing in a live twin.
    /// </summary>
    public async Task<ForkedSubtree> ReadAsync(string rootId, Dictionary<string, TopologyEntry> subtree, TopologyView view, DateTimeOffset asOf)
    {
        var needed = subtree.Values.Where(e => Needed(e.Kind)).ToList();
        var outside = view.Entries.Where(e => e.Kind == TwinKind.Service && !subtree.ContainsKey(e.Id)).ToList();
        var snapshots = await Bounded(needed.Concat(outside).ToList(), e => grains.GetTwin(e.Id, e.Kind).GetSnapshotAsync());
        var inside = needed.Zip(snapshots).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
        var services = inside.Values.Select(s => s.Spec).Where(s => s.Kind == TwinKind.Service)
            .Concat(snapshots.Skip(needed.Count).Select(s => s.Spec)).ToList();
        return new ForkedSubtree(rootId, subtree, inside, asOf, services);
    }

    /// <summary>
    /// Seeds a shadow of every read twin in <paramref name="scenarioId"/>. The root becomes the shadow graph's root,
    /// and each shadow lists only children that were copied, so nothing addresses a shadow that does not exist.
    /// </summary>
    public async Task<IReadOnlyList<TwinRef>> SeedAsync(ForkedSubtree fork, string scenarioId, TimeSpan lifetime)
    {
        var shadows = fork.Snapshots.Values.Select(s => new TwinRef(s.Spec.Id, s.Spec.Kind)).ToList();
        await Bounded(fork.Snapshots.Values.ToList(), async snapshot =>
        {
            var isRoot = snapshot.Spec.Id == fork.RootId;
            var seeded = snapshot with
            {
                Spec = isRoot ? snapshot.Spec with { ParentId = null } : snapshot.Spec,
                Children = snapshot.Children.Where(c => fork.Snapshots.ContainsKey(c.Id)).ToList(),
            };
            var parentKind = isRoot || snapshot.Spec.ParentId is not { } parent ? (TwinKind?)null : fork.Entries[parent].Kind;
            await grains.GetMember(new TwinKey(snapshot.Spec.Id, scenarioId), snapshot.Spec.Kind).SeedAsync(seeded, parentKind, lifetime);
            return true;
        });
        return shadows;
    }

    /// <summary>Lets the shadows go: each forgets its state and deactivates. Shadows never touch storage.</summary>
    public Task ReleaseAsync(IReadOnlyList<TwinRef> shadows, string scenarioId) =>
        Bounded(shadows.ToList(), async twin =>
        {
            await grains.GetMember(new TwinKey(twin.Id, scenarioId), twin.Kind).DecommissionAsync();
            return true;
        });

    private async Task<T[]> Bounded<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, Task<T>> call)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await call(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
