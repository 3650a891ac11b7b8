using System.Text.Json;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(OpenBrokerCollection.Name)]
public sealed class RejectionTests(OpenBrokerCluster silo, ITestOutputHelper output)
{
    private (string Topic, string Payload) BadInput(string reason)
    {
        var server = silo.Servers[4].Id;
        var topic = $"dt/telemetry/{server}";
        return reason switch
        {
            RejectionReasons.Malformed => (topic, """{"readings":{"power_w":4"""),
            RejectionReasons.WrongType => (topic, """{"readings":{"power_w":"high"}}"""),
            RejectionReasons.NotFinite => (topic, """{"readings":{"power_w":"NaN"}}"""),
            RejectionReasons.FutureTimestamp => (topic, $$$"""{"ts":"{{{DateTimeOffset.UtcNow.AddDays(1):O}}}","readings":{"power_w":1}}"""),
            RejectionReasons.StaleTimestamp => (topic, $$$"""{"ts":"{{{DateTimeOffset.UtcNow.AddDays(-30):O}}}","readings":{"power_w":1}}"""),
            RejectionReasons.UnknownTwin => ("dt/telemetry/no-such-twin", """{"readings":{"power_w":1}}"""),
            RejectionReasons.NotATelemetryTwin => ($"dt/telemetry/{silo.Rack.Id}", """{"readings":{"power_w":1}}"""),
            RejectionReasons.Oversized => (topic, $$$"""{"readings":{"power_w":1},"pad":"{{{new string('x', OpenBrokerCluster.MaxPayloadBytes)}}}"}"""),
            RejectionReasons.TooManyMetrics => (topic, "{\"readings\":{" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"m{i}\":{i}")) + "}}"),
            RejectionReasons.BadTopic => ($"dt/telemetry/{server}/extra", """{"readings":{"power_w":1}}"""),
            RejectionReasons.BadMetricName => (topic, """{"readings":{"power w":1}}"""),
            RejectionReasons.NotAuthorized => ($"dt/commands/{server}", """{"commandId":"x","name":"reboot"}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };
    }

    [Theory]
    [InlineData(RejectionReasons.Malformed, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.WrongType, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.NotFinite, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.FutureTimestamp, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.StaleTimestamp, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.BadMetricName, MqttClientPublishReasonCode.PayloadFormatInvalid)]
    [InlineData(RejectionReasons.UnknownTwin, MqttClientPublishReasonCode.ImplementationSpecificError)]
    [InlineData(RejectionReasons.NotATelemetryTwin, MqttClientPublishReasonCode.ImplementationSpecificError)]
    [InlineData(RejectionReasons.Oversized, MqttClientPublishReasonCode.QuotaExceeded)]
    [InlineData(RejectionReasons.TooManyMetrics, MqttClientPublishReasonCode.QuotaExceeded)]
    [InlineData(RejectionReasons.BadTopic, MqttClientPublishReasonCode.TopicNameInvalid)]
    [InlineData(RejectionReasons.NotAuthorized, MqttClientPublishReasonCode.NotAuthorized)]
    public async Task Bad_input_is_refused_counted_dead_lettered_and_reported_in_the_puback(string reason, MqttClientPublishReasonCode expectedCode)
    {
        var (topic, payload) = BadInput(reason);
        await using var deadLetters = await MqttTopicRecorder.StartAsync(silo.BrokerPort, $"dt/deadletter/{reason}");
        var before = Count(reason);
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V500);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(expectedCode, result.ReasonCode);
        Assert.StartsWith(reason + ":", result.ReasonString);
        Assert.True(Count(reason) > before, $"{reason} was not counted");
        var letter = await deadLetters.WaitForAsync(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("topic").GetString() == topic, Eventually.Patience);
        using var json = JsonDocument.Parse(letter.Payload);
        Assert.Equal(reason, json.RootElement.GetProperty("reason").GetString());
        Assert.True(json.RootElement.GetProperty("payload").GetString()!.Length <= 1024, "the dead letter carries a truncated payload");
        Assert.Equal(payload.Length, json.RootElement.GetProperty("payload_bytes").GetInt64());
    }

    [Fact]
    public async Task Mqtt311_publisher_of_bad_input_stays_connected_and_the_refusal_is_counted()
    {
        var (topic, payload) = BadInput(RejectionReasons.WrongType);
        var before = Count(RejectionReasons.WrongType);
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V311);

        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.True(Count(RejectionReasons.WrongType) > before);
        Assert.True(client.IsConnected);
        var good = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload("""{"readings":{"power_w":77}}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(good.IsSuccess);
        Assert.Equal(77, await silo.LatestAsync(silo.Servers[4].Id, "power_w"));
    }

    [Fact]
    public async Task A_burst_of_100000_malformed_messages_is_counted_exactly_and_the_broker_keeps_working()
    {
        const int publishers = 4;
        const int perPublisher = 25_000;
        var statistics = silo.Statistics;
        var before = statistics.Snapshot();
        static long Malformed(IngestionStatisticsSnapshot s) => s.Rejected.GetValueOrDefault(RejectionReasons.Malformed);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var topic = $"dt/telemetry/{silo.Servers[5].Id}";
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("{\"readings\":{\"power_w\":").Build();

        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async _ =>
        {
            using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);
            for (var i = 0; i < perPublisher; i++) await client.PublishAsync(message);
            // A QoS 1 publish last: its PUBACK comes after every earlier message on this connection was handled.
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(message.Payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }));

        const long total = publishers * (perPublisher + 1L);
        await Eventually.TrueAsync(() => Malformed(statistics.Snapshot()) - Malformed(before) == total, $"{total} malformed messages are counted");
        await Eventually.TrueAsync(() =>
        {
            var now = statistics.Snapshot();
            // At least: a dead letter of an earlier test may still have been on its way when "before" was taken.
            return now.DeadLettered - before.DeadLettered + now.DeadLettersDropped - before.DeadLettersDropped >= total;
        }, "every refused message is either dead-lettered or counted as a dropped dead letter", describe: () =>
        {
            var now = statistics.Snapshot();
            return $"dead-lettered {now.DeadLettered - before.DeadLettered}, dropped {now.DeadLettersDropped - before.DeadLettersDropped} of {total}";
        });
        var after = statistics.Snapshot();
        Assert.Equal(total, Malformed(after) - Malformed(before));

        using var check = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        var good = await check.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload("""{"readings":{"power_w":5}}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(good.IsSuccess);
        GC.Collect();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed heap before {memoryBefore / 1024} KiB, after {memoryAfter / 1024} KiB; dead-lettered {after.DeadLettered - before.DeadLettered}, dropped {after.DeadLettersDropped - before.DeadLettersDropped}");
    }

    [Fact]
    public async Task A_twin_id_holding_NUL_is_refused_with_the_NUL_escaped_in_the_reason_string_and_counted_once()
    {
        var before = silo.Statistics.Snapshot();
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V500);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("dt/telemetry").WithPayload("""{"twins":{"\u0000":{"power_w":1},"a\nb":{"power_w":2}}}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, result.ReasonCode);
        Assert.DoesNotContain('\0', result.ReasonString);
        Assert.Contains("\\u0000", result.ReasonString);
        Assert.True(client.IsConnected);
        var after = silo.Statistics.Snapshot();
        Assert.Equal(1, after.ReceivedMessages - before.ReceivedMessages);
        Assert.Equal(1, after.Rejected.Values.Sum() - before.Rejected.Values.Sum());
    }

    private long Count(string reason) => silo.Statistics.Snapshot().Rejected.GetValueOrDefault(reason);
    [Fact]
    public async Task Without_simulation_forwarding_a_fault_injection_is_refused_as_a_bad_topic()
    {
        var before = Count(RejectionReasons.BadTopic);
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V500);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("sim/faults")
            .WithPayload("""{"kind":"crac_failure","target":"crac-a1"}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.TopicNameInvalid, result.ReasonCode);
        Assert.Equal(before + 1, Count(RejectionReasons.BadTopic));
    }
}
