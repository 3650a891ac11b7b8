using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A member operation that fails halfway (the new rack's storage is down) leaves the change recorded; it is driven
/// to completion later, so parent and child end up consistent on both sides.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class Interrupted_changes_are_completed(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;
    private ITopologyGrain Live => Grains.GetLiveTopology();

    [Fact]
    public async Task A_move_whose_new_parent_cannot_be_written_completes_once_storage_recovers()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 2, servers: 2));
        var server = t.Server('a', 1, 1);
        cluster.Storage.FailWrites((state, key) => state == TwinStorage.States.Rack && key == t.Rack('a', 2));
        try
        {
            var result = await Live.MoveAsync(server, t.Rack('a', 2));

            Assert.True(result.Applied);
            Assert.Equal(TopologyErrorCodes.Conflict, Assert.Single(result.Errors).Code);
            Assert.Equal(t.Rack('a', 2), (await Live.ResolveAsync(server))!.ParentId);
            var refused = await Live.AddAsync(t.ServerSpec('a', 1, 9));
            Assert.False(refused.Applied);
        }
        finally
        {
            cluster.Storage.FailWrites(null);
        }

        await Eventually.Until(
            () => Grains.GetTwin(t.Rack('a', 2), TwinKind.Rack).GetChildrenAsync(),
            children => children.Any(c => c.Id == server), "the new rack to list the moved server");
        Assert.DoesNotContain(server, (await Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id));
        Assert.Equal(t.Rack('a', 2), (await Grains.GetTwin(server, TwinKind.Server).GetParentAsync())!.Id);
        var next = await Live.AddAsync(t.ServerSpec('a', 1, 9));
        Assert.True(next.Applied, string.Join("; ", next.Errors));
    }

    [Fact]
    public async Task A_pending_change_is_completed_when_the_topology_grain_is_activated_again()
    {
        var topology = Grains.GetGrain<ITopologyGrain>(TopologyScopes.Live);
        var t = TestTopology.New();
        await topology.ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var added = t.ServerSpec('a', 1, 4);
        cluster.Storage.FailWrites((state, key) => state == TwinStorage.States.Asset && key == added.Id);

        var result = await topology.AddAsync(added);
        Assert.True(result.Applied);
        Assert.NotEmpty(result.Errors);
        await cluster.Cluster.DeactivateAsync(topology);
        cluster.Storage.FailWrites(null);

        Assert.Equal(result.Version, await topology.GetVersionAsync());
        await Eventually.Until(
            () => Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync(),
            children => children.Any(c => c.Id == added.Id), "the rack to list the added server after reactivation");
        Assert.Equal(t.Rack('a', 1), (await Grains.GetTwin(added.Id, TwinKind.Server).GetParentAsync())!.Id);
    }
}
