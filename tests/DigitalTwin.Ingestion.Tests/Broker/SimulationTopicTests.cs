using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(SimulationTopicsCollection.Name)]
public sealed class SimulationTopicTests(SimulationTopicsCluster silo)
{
    [Fact]
    public async Task A_fault_injection_on_sim_faults_reaches_the_simulator_untouched_and_is_counted_apart_from_telemetry()
    {
        const string fault = """{"kind":"crac_failure","target":"crac-a1"}""";
        await using var simulator = await MqttTopicRecorder.StartAsync(silo.BrokerPort, "sim/faults");
        var before = silo.Statistics.Snapshot();
        using var operatorClient = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V500);

        var result = await operatorClient.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("sim/faults").WithPayload(fault).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.True(result.IsSuccess, $"{result.ReasonCode} {result.ReasonString}");
        var received = await simulator.WaitForAsync(m => m.Topic == "sim/faults", Eventually.Patience);
        Assert.Equal(fault, received.Payload);
        var after = silo.Statistics.Snapshot();
        Assert.Equal(1, after.SimulationMessages - before.SimulationMessages);
        Assert.Equal(before.ReceivedMessages, after.ReceivedMessages);
        Assert.Equal(before.Rejected.GetValueOrDefault(RejectionReasons.BadTopic), after.Rejected.GetValueOrDefault(RejectionReasons.BadTopic));
    }

    [Theory]
    [InlineData("sim/")]
    [InlineData("sim/faults/\u00fc")]
    [InlineData("sim/fa ults")]
    public async Task A_malformed_simulation_topic_is_still_refused_as_a_bad_topic(string topic)
    {
        var before = silo.Statistics.Snapshot();
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, MqttProtocolVersion.V500);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload("{}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.TopicNameInvalid, result.ReasonCode);
        Assert.Equal(1, silo.Statistics.Snapshot().Rejected.GetValueOrDefault(RejectionReasons.BadTopic) - before.Rejected.GetValueOrDefault(RejectionReasons.BadTopic));
    }
}
