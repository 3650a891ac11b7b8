using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Assets_without_a_command_channel(TwinClusterFixture cluster)
{
    [Fact]
    public async Task A_command_is_rejected_when_no_channel_is_registered()
    {
        var t = TestTopology.New();
        await cluster.Client.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));

        var status = await cluster.Client.GetGrain<IAssetGrain>(t.Crac('a'))
            .SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 22 });

        Assert.Equal(CommandState.Rejected, status.State);
        Assert.Equal("no command channel", status.Detail);
    }
}
