using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

public sealed class Assets_command_their_devices(CommandClusterFixture cluster) : IClassFixture<CommandClusterFixture>
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task A_sent_command_is_published_and_its_acknowledged_setpoint_becomes_the_latest_value()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var crac = Grains.GetGrain<IAssetGrain>(t.Crac('a'));

        var sent = await crac.SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 21.5, ["mode"] = 2 });

        Assert.Equal(CommandState.Sent, sent.State);
        var published = Assert.Single(cluster.Publisher.Published, c => c.CommandId == sent.Command.CommandId);
        Assert.Equal((t.Crac('a'), "set_setpoint", 21.5), (published.TwinId, published.Name, published.Arguments["setpoint_c"]));

        Assert.True(await crac.AcknowledgeCommandAsync(sent.Command.CommandId, success: true, "applied"));
        Assert.False(await crac.AcknowledgeCommandAsync("no-such-command", success: true, null));

        var snapshot = await crac.GetSnapshotAsync();
        Assert.Equal(21.5, snapshot.Latest["setpoint_c"].Value);
        Assert.False(snapshot.Latest.ContainsKey("mode"));
        var commands = await crac.GetCommandsAsync();
        Assert.Equal(CommandState.Acknowledged, commands[0].State);
        Assert.Equal("applied", commands[0].Detail);

        // Commands are written at once, so an acknowledgement after a restart still finds its command.
        await cluster.Cluster.DeactivateAsync(crac);
        Assert.Equal(CommandState.Acknowledged, (await crac.GetCommandsAsync())[0].State);
    }

    [Fact]
    public async Task Bad_commands_and_failed_publishes_are_rejected_with_a_reason()
    {
        var t = TestTopology.New();
        await Grains.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var crac = Grains.GetGrain<IAssetGrain>(t.Crac('a'));

        var badName = await crac.SendCommandAsync("set setpoint", new Dictionary<string, double>());
        var badValue = await crac.SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = double.PositiveInfinity });
        cluster.Publisher.Failure = "broker down";
        CommandStatus unpublished;
        try
        {
            unpublished = await crac.SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 20 });
        }
        finally
        {
            cluster.Publisher.Failure = null;
        }
        var shadow = await Grains.GetGrain<IAssetGrain>(new TwinKey(t.Crac('a'), "s" + t.Prefix).ToGrainKey())
            .SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 20 })
            .ContinueWith(task => task.Exception?.GetBaseException());

        Assert.All(new[] { badName, badValue, unpublished }, s => Assert.Equal(CommandState.Rejected, s.State));
        Assert.Contains("broker down", unpublished.Detail);
        Assert.IsType<TwinNotFoundException>(shadow);
        Assert.Equal(3, (await crac.GetCommandsAsync()).Count);
        Assert.DoesNotContain(cluster.Publisher.Published, c => c.TwinId == t.Crac('a'));
    }
}
