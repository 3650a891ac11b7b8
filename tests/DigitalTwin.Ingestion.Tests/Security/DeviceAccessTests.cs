using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Security;

[Collection(SecuredBrokerCollection.Name)]
public sealed class DeviceAccessTests(SecuredBrokerCluster silo)
{
    private static MqttApplicationMessage Reading(string twin, double value) => new MqttApplicationMessageBuilder()
        .WithTopic($"dt/telemetry/{twin}")
        .WithPayload($$$"""{"readings":{"power_w":{{{value}}}}}""")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Anonymous_clients_are_refused_when_anonymous_publishing_is_off(MqttProtocolVersion version)
    {
        var before = silo.Statistics.Snapshot().RefusedConnections;
        using var client = new MqttClientFactory().CreateMqttClient();

        var refused = await client.ConnectAsync(MqttTestClient.Options(silo.BrokerPort, version));

        Assert.Equal(version == MqttProtocolVersion.V500 ? MqttClientConnectResultCode.NotAuthorized : MqttClientConnectResultCode.NotAuthorized, refused.ResultCode);
        Assert.False(client.IsConnected);
        Assert.True(silo.Statistics.Snapshot().RefusedConnections > before);
    }

    [Fact]
    public async Task Mosquitto_pub_without_credentials_is_refused()
    {
        var mosquittoPub = ExternalProgram.Require("mosquitto_pub", "mosquitto-clients");
        var run = await ExternalProgram.RunAsync(mosquittoPub,
            ["-h", "127.0.0.1", "-p", silo.BrokerPort.ToString(), "-q", "1", "-t", $"dt/telemetry/{silo.ServerDeviceTwin}", "-m", """{"readings":{"power_w":1}}"""],
            TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var before = silo.Statistics.Snapshot().RefusedConnections;
        using var client = new MqttClientFactory().CreateMqttClient();

        var refused = await client.ConnectAsync(
            MqttTestClient.Options(silo.BrokerPort, username: SecuredBrokerCluster.RackDevice, password: SecuredBrokerCluster.ServerDevicePassword));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.False(client.IsConnected);
        Assert.True(silo.Statistics.Snapshot().RefusedConnections > before);
    }

    [Fact]
    public async Task A_device_with_its_hashed_secret_publishes_for_the_twins_its_prefix_allows()
    {
        var twins = silo.Servers.Where(s => s.Id.StartsWith(silo.RackPrefix, StringComparison.Ordinal)).Take(3).Select(s => s.Id).ToList();
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, username: SecuredBrokerCluster.RackDevice, password: SecuredBrokerCluster.RackDevicePassword);

        foreach (var twin in twins)
        {
            var result = await client.PublishAsync(Reading(twin, 321));
            Assert.True(result.IsSuccess, $"{twin}: {result.ReasonCode} {result.ReasonString}");
            Assert.Equal(321, await silo.LatestAsync(twin, "power_w"));
        }
    }

    [Fact]
    public async Task A_device_publishing_for_another_devices_twin_is_refused_and_counted()
    {
        var foreign = silo.Servers.First(s => !s.Id.StartsWith(silo.RackPrefix, StringComparison.Ordinal) && s.Id != silo.ServerDeviceTwin).Id;
        var before = silo.Statistics.Snapshot();
        var valueBefore = await silo.LatestAsync(foreign, "power_w");
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, username: SecuredBrokerCluster.RackDevice, password: SecuredBrokerCluster.RackDevicePassword);

        var result = await client.PublishAsync(Reading(foreign, 999_999));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        var after = silo.Statistics.Snapshot();
        Assert.True(after.RefusedPublishes > before.RefusedPublishes);
        Assert.True(after.Rejected.GetValueOrDefault(RejectionReasons.NotAuthorized) > before.Rejected.GetValueOrDefault(RejectionReasons.NotAuthorized));
        Assert.Equal(valueBefore, await silo.LatestAsync(foreign, "power_w"));
    }

    [Fact]
    public async Task A_batch_naming_one_foreign_twin_is_refused_as_a_whole()
    {
        var own = silo.ServerDeviceTwin;
        var foreign = silo.Servers[0].Id;
        var ownBefore = await silo.LatestAsync(own, "power_w");
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, username: SecuredBrokerCluster.ServerDevice, password: SecuredBrokerCluster.ServerDevicePassword);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("dt/telemetry")
            .WithPayload("{\"twins\":{\"" + own + "\":{\"power_w\":123456},\"" + foreign + "\":{\"power_w\":123456}}}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Equal(ownBefore, await silo.LatestAsync(own, "power_w"));
    }

    [Fact]
    public async Task A_device_may_subscribe_to_its_own_command_topic_only()
    {
        var before = silo.Statistics.Snapshot().RefusedSubscriptions;
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, username: SecuredBrokerCluster.ServerDevice, password: SecuredBrokerCluster.ServerDevicePassword);

        var own = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"dt/commands/{silo.ServerDeviceTwin}", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var foreign = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"dt/commands/{silo.Servers[0].Id}", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var everything = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("dt/telemetry/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, own.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, foreign.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, everything.Items.Single().ResultCode);
        Assert.Equal(before + 2, silo.Statistics.Snapshot().RefusedSubscriptions);
    }
}
