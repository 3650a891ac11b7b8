using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

/// <summary>
/// A packet far beyond the payload limit is refused from its fixed header: its connection is closed before the broker
/// buffers it, the refusal is counted as oversized, and the broker goes on serving everyone else.
/// </summary>
[Collection(OpenBrokerCollection.Name)]
public sealed class PacketSizeTests(OpenBrokerCluster silo)
{
    [Fact]
    public async Task A_packet_far_over_the_limit_closes_its_connection_is_counted_and_harms_no_one_else()
    {
        var server = silo.Servers[5].Id;
        var before = silo.Statistics.Snapshot().Rejected.GetValueOrDefault(RejectionReasons.Oversized);
        using var bystander = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        using var offender = await MqttTestClient.ConnectAsync(silo.BrokerPort);

        var huge = new byte[8 * 1024 * 1024];
        try
        {
            await offender.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"dt/telemetry/{server}").WithPayload(huge)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).WaitAsync(Eventually.Patience);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            // The broker closes the connection mid-packet: the publisher sees its own send or ack fail.
        }

        await Eventually.TrueAsync(() => !offender.IsConnected, "the offender's connection is closed");
        await Eventually.TrueAsync(() => silo.Statistics.Snapshot().Rejected.GetValueOrDefault(RejectionReasons.Oversized) > before,
            "the refusal is counted as oversized");
        var fine = await bystander.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"dt/telemetry/{server}")
            .WithPayload("""{"readings":{"power_w":321}}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True((int)fine.ReasonCode < 0x80, $"the bystander's publish was refused: {fine.ReasonCode}");
        Assert.Equal(321, await silo.LatestAsync(server, "power_w"));
    }
}
