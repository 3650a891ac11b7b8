using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(OpenBrokerCollection.Name)]
public sealed class TopologyChangeTests(OpenBrokerCluster silo)
{
    [Fact]
    public async Task A_twin_added_after_ingestion_started_takes_readings_once_the_directory_refreshes()
    {
        var server = silo.Servers[6].Id;
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        // Ingestion has loaded its twin directory before the twin exists.
        Assert.True((await client.PublishAsync(Reading(server, 1))).IsSuccess);
        var added = $"{server}-gpu-{Guid.NewGuid():N}"[..40];
        var change = await silo.Grains.GetLiveTopology().AddAsync(new TwinSpec(added, TwinKind.Cpu, server));
        Assert.True(change.Applied, string.Join("; ", change.Errors));

        // Unknown ids reload the directory at most once a second, so the first tries may still be refused.
        await Eventually.TrueAsync(async () => (await client.PublishAsync(Reading(added, 55))).IsSuccess, $"readings for {added} are accepted");

        var snapshot = await silo.Grains.GetTwin(added, TwinKind.Cpu).GetSnapshotAsync();
        Assert.Equal(55, snapshot.Latest["temp_c"].Value);
    }

    private static MqttApplicationMessage Reading(string twin, double value) => new MqttApplicationMessageBuilder()
        .WithTopic($"dt/telemetry/{twin}")
        .WithPayload("{\"readings\":{\"temp_c\":" + value + "}}")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
