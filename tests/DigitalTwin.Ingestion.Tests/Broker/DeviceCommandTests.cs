using System.Text;
using System.Text.Json;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(OpenBrokerCollection.Name)]
public sealed class DeviceCommandTests(OpenBrokerCluster silo)
{
    [Fact]
    public async Task A_twin_command_reaches_its_device_and_the_devices_answer_reaches_the_twin()
    {
        var crac = silo.Topology.Twins.First(t => t.Kind == TwinKind.Crac).Id;
        using var device = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        var received = new TaskCompletionSource<JsonDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        device.ApplicationMessageReceivedAsync += async e =>
        {
            var command = JsonDocument.Parse(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            received.TrySetResult(command);
            var ack = JsonSerializer.Serialize(new { commandId = command.RootElement.GetProperty("commandId").GetString(), success = true, detail = "setpoint applied" });
            await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"dt/commands/{crac}/ack").WithPayload(ack)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        };
        await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"dt/commands/{crac}", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var asset = silo.Grains.GetGrain<IAssetGrain>(crac);

        var status = await asset.SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 21.5 });

        Assert.Equal(CommandState.Sent, status.State);
        var published = await received.Task.WaitAsync(Eventually.Patience);
        Assert.Equal(status.Command.CommandId, published.RootElement.GetProperty("commandId").GetString());
        Assert.Equal("set_setpoint", published.RootElement.GetProperty("name").GetString());
        Assert.Equal(21.5, published.RootElement.GetProperty("arguments").GetProperty("setpoint_c").GetDouble());
        await Eventually.TrueAsync(async () =>
            (await asset.GetCommandsAsync()).Any(c => c.Command.CommandId == status.Command.CommandId && c.State == CommandState.Acknowledged),
            "the twin records the device's acknowledgement");
        // The pipeline counts the acknowledgement after the twin has taken it, so the counter may trail by a moment.
        await Eventually.TrueAsync(() => Task.FromResult(silo.Statistics.Snapshot().CommandAcks > 0), "the acknowledgement is counted");
    }
}
