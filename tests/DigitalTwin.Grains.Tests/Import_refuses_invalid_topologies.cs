using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Import_refuses_invalid_topologies(TwinClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Client;
    private ITopologyGrain Live => Grains.GetLiveTopology();

    [Fact]
    public async Task An_invalid_document_gets_one_error_per_problem_and_changes_nothing()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var versionBefore = await Live.GetVersionAsync();
        var viewBefore = await Live.GetViewAsync();
        var newServer = t.ServerSpec('a', 1, 5);
        var bad = new TopologyDocument(
        [
            newServer,                                                              // valid on its own
            new TwinSpec($"{t.Prefix}-orphan", TwinKind.Server, $"{t.Prefix}-nowhere"),        // unknown parent
            new TwinSpec($"{t.Prefix}-cpu-in-rack", TwinKind.Cpu, t.Rack('a', 1)),              // component under a rack
            t.RackSpec('a', 9) with { Rated = new Dictionary<string, double>() },                // rack without budget
        ]);

        var result = await Live.ImportAsync(bad);

        Assert.False(result.Applied);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.ElementId == $"{t.Prefix}-orphan" && e.Code == TopologyErrorCodes.UnknownParent);
        Assert.Contains(result.Errors, e => e.ElementId == $"{t.Prefix}-cpu-in-rack" && e.Code == TopologyErrorCodes.InvalidPlacement);
        Assert.Contains(result.Errors, e => e.ElementId == t.Rack('a', 9) && e.Code == TopologyErrorCodes.MissingCapacity);
        Assert.Equal(versionBefore, result.Version);
        Assert.Equal(versionBefore, await Live.GetVersionAsync());
        Assert.Equal(viewBefore.Entries, (await Live.GetViewAsync()).Entries);
        Assert.Null(await Live.ResolveAsync(newServer.Id));
        await Assert.ThrowsAsync<TwinNotFoundException>(() => Grains.GetTwin(newServer.Id, TwinKind.Server).GetSnapshotAsync());
        Assert.DoesNotContain(newServer.Id, (await Grains.GetTwin(t.Rack('a', 1), TwinKind.Rack).GetChildrenAsync()).Select(c => c.Id));
    }

    [Fact]
    public async Task A_kind_change_of_an_existing_twin_is_refused()
    {
        var t = TestTopology.New();
        await Live.ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));

        var result = await Live.ImportAsync(new TopologyDocument(
            [new TwinSpec(t.Server('a', 1, 1), TwinKind.NetworkSwitch, t.Rack('a', 1))]));

        Assert.False(result.Applied);
        Assert.Contains(result.Errors, e => e.ElementId == t.Server('a', 1, 1));
        Assert.Equal(TwinKind.Server, (await Live.ResolveAsync(t.Server('a', 1, 1)))!.Kind);
    }

    [Fact]
    public async Task A_scenario_scope_that_is_not_a_valid_id_is_refused()
    {
        var t = TestTopology.New();

        var result = await Grains.GetGrain<ITopologyGrain>("what if?").ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));

        Assert.False(result.Applied);
        Assert.Equal(TopologyErrorCodes.InvalidId, Assert.Single(result.Errors).Code);
    }
}
