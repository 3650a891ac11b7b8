using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Topology_changes_keep_both_sides_consistent(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;
    private ITopologyGrain Live => Grains.GetLiveTopology();

    [Fact]
    public async Task Import_creates_every_twin_with_parent_children_and_path()
    {
        var t = TestTopology.New();
        var before = await Live.GetVersionAsync();

        var result = await Live.ImportAsync(t.Document(rooms: 2, racks: 2, servers: 3));

        Assert.True(result.Applied, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(1 + 2 * (1 + 1 + 2 * (1 + 3)), result.Created);
        Assert.True(result.Version > before);
        var view = await Live.GetViewAsync();
        Assert.Equal(result.Version, view.Version);
        Assert.Equal(new TopologyEntry(t.Server('b', 2, 3), TwinKind.Server, t.Rack('b', 2)), await Live.ResolveAsync(t.Server('b', 2, 3)));

        var server = await Grains.GetTwin(t.Server('a', 1, 2), TwinKind.Server).GetSnapshotAsync();
        Assert.Equal(t.Rack('a', 1), server.Spec.ParentId);
        Assert.Equal(new TwinRef(t.Rack('a', 1), TwinKind.Rack), await Grains.GetTwin(t.Server('a', 1, 2), TwinKind.Server).GetParentAsync());

        var rackChildren = await Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync();
        Assert.Equal([t.Server('a', 1, 1), t.Server('a', 1, 2), t.Server('a', 1, 3)], rackChildren.Select(c => c.Id).Order());
        var roomChildren = await Grains.GetTwin(t.Room('a'), TwinKind.Room).GetChildrenAsync();
        Assert.Equal([t.Crac('a'), t.Rack('a', 1), t.Rack('a', 2)], roomChildren.Select(c => c.Id).Order(StringComparer.Ordinal));

        var path = await Grains.GetTwin(t.Server('b', 2, 1), TwinKind.Server).GetPathAsync();
        Assert.Equal(
            [new TwinRef(t.DataCentre, TwinKind.DataCentre), new TwinRef(t.Room('b'), TwinKind.Room),
             new TwinRef(t.Rack('b', 2), TwinKind.Rack), new TwinRef(t.Server('b', 2, 1), TwinKind.Server)],
            path);
    }

    [Fact]
    public async Task A_twin_that_was_never_provisioned_throws_TwinNotFound()
    {
        var error = await Assert.ThrowsAsync<TwinNotFoundException>(() =>
            Grains.GetTwin("nobody-" + Guid.NewGuid().ToString("N"), TwinKind.Server).GetSnapshotAsync());
        Assert.StartsWith("nobody-", error.TwinId);
    }

    [Fact]
    public async Task Reimport_updates_specs_and_moves_twins_whose_parent_changed()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var moved = t.ServerSpec('a', 1, 1) with { ParentId = t.Rack('a', 2), Name = "moved by import" };

        var result = await Live.ImportAsync(new TopologyDocument([moved, t.RackSpec('a', 1) with { Name = "renamed" }]));

        Assert.True(result.Applied, string.Join("; ", result.Errors));
        Assert.Equal((0, 1, 1), (result.Created, result.Updated, result.Moved));
        Assert.Equal("renamed", (await Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetSnapshotAsync()).Spec.Name);
        await AssertMovedAsync(t.Server('a', 1, 1), from: t.Rack('a', 1), to: t.Rack('a', 2));
    }

    [Fact]
    public async Task Move_keeps_the_id_and_updates_old_parent_new_parent_and_the_twin()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));

        var result = await Live.MoveAsync(t.Server('a', 1, 2), t.Rack('a', 2));

        Assert.True(result.Applied, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Moved);
        await AssertMovedAsync(t.Server('a', 1, 2), from: t.Rack('a', 1), to: t.Rack('a', 2));
        Assert.Equal(t.Rack('a', 2), (await Live.ResolveAsync(t.Server('a', 1, 2)))!.ParentId);
        var path = await Grains.GetTwin(t.Server('a', 1, 2), TwinKind.Server).GetPathAsync();
        Assert.Equal(t.Rack('a', 2), path[^2].Id);
    }

    [Fact]
    public async Task Changes_naming_unknown_twins_are_errors_not_exceptions()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var version = await Live.GetVersionAsync();

        var move = await Live.MoveAsync("ghost-" + t.Prefix, t.Rack('a', 1));
        var remove = await Live.RemoveAsync("ghost-" + t.Prefix);

        Assert.False(move.Applied);
        Assert.NotEmpty(move.Errors);
        Assert.False(remove.Applied);
        Assert.Equal(TopologyErrorCodes.UnknownTwin, Assert.Single(remove.Errors).Code);
        Assert.Equal(version, await Live.GetVersionAsync());
    }

    [Fact]
    public async Task Add_attaches_the_new_twin_to_its_parent()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));

        var result = await Live.AddAsync(t.ServerSpec('a', 1, 7));
        var again = await Live.AddAsync(t.ServerSpec('a', 1, 7));

        Assert.True(result.Applied, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Created);
        Assert.False(again.Applied);
        Assert.Contains(t.Server('a', 1, 7), (await Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id));
        Assert.Equal(t.Rack('a', 1), (await Grains.GetTwin(t.Server('a', 1, 7), TwinKind.Server).GetParentAsync())!.Id);
    }

    [Fact]
    public async Task Remove_refuses_a_twin_with_children_unless_recursive_and_then_forgets_the_subtree()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var version = await Live.GetVersionAsync();

        var refused = await Live.RemoveAsync(t.Rack('a', 1));
        Assert.False(refused.Applied);
        Assert.Equal(TopologyErrorCodes.Conflict, Assert.Single(refused.Errors).Code);
        Assert.Equal(version, await Live.GetVersionAsync());

        var removed = await Live.RemoveAsync(t.Rack('a', 1), recursive: true);

        Assert.True(removed.Applied, string.Join("; ", removed.Errors));
        Assert.Equal(3, removed.Removed);
        Assert.Null(await Live.ResolveAsync(t.Server('a', 1, 1)));
        Assert.DoesNotContain(t.Rack('a', 1), (await Grains.GetTwin(t.Room('a'), TwinKind.Room).GetChildrenAsync()).Select(c => c.Id));
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(t.Server('a', 1, 1), TwinKind.Server).GetSnapshotAsync());
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetSnapshotAsync());
        Assert.False(cluster.Storage.Holds(TwinStorage.States.Asset, t.Server('a', 1, 1)));
    }

    private async Task AssertMovedAsync(string twinId, string from, string to)
    {
        Assert.DoesNotContain(twinId, (await Grains.GetTwin(from, TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id));
        Assert.Contains(twinId, (await Grains.GetTwin(to, TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id));
        var snapshot = await Grains.GetTwin(twinId, TwinKind.Server).GetSnapshotAsync();
        Assert.Equal(to, snapshot.Spec.ParentId);
        Assert.Equal(twinId, snapshot.Key.TwinId);
    }
}
