using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(NarrowInFlightCollection.Name)]
public sealed class OverloadTests(NarrowInFlightCluster silo)
{
    [Fact]
    public async Task Beyond_the_in_flight_bound_messages_are_shed_with_quota_exceeded_counted_exactly_and_the_silo_recovers()
    {
        const int publishers = 16;
        const int perPublisher = 150;
        var before = silo.Statistics.Snapshot();
        long accepted = 0, shed = 0, other = 0;

        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async p =>
        {
            using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);
            var topic = $"dt/telemetry/{silo.Servers[p % silo.Servers.Count].Id}";
            for (var i = 0; i < perPublisher; i++)
            {
                var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
                    .WithPayload($$$"""{"readings":{"power_w":{{{i}}}}}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                if (result.IsSuccess) Interlocked.Increment(ref accepted);
                else if (result.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded && result.ReasonString.StartsWith(RejectionReasons.Overloaded + ":")) Interlocked.Increment(ref shed);
                else Interlocked.Increment(ref other);
            }
        }));

        var after = silo.Statistics.Snapshot();
        Assert.Equal(0, other);
        Assert.True(shed > 0, "sixteen publishers against a bound of two must shed some messages");
        Assert.Equal(shed, after.Rejected.GetValueOrDefault(RejectionReasons.Overloaded) - before.Rejected.GetValueOrDefault(RejectionReasons.Overloaded));
        Assert.Equal(accepted, after.AppliedMessages - before.AppliedMessages);
        Assert.Equal(publishers * perPublisher, after.ReceivedMessages - before.ReceivedMessages);
        Assert.Equal(0, after.InFlightMessages);

        // Load gone: one publisher alone is never shed.
        using var alone = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        for (var i = 0; i < 50; i++)
        {
            var result = await alone.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"dt/telemetry/{silo.Servers[0].Id}")
                .WithPayload("""{"readings":{"power_w":5}}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.True(result.IsSuccess, $"{result.ReasonCode} {result.ReasonString}");
        }
    }
}
