using System.Text;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(OpenBrokerCollection.Name)]
public sealed class EmbeddedBrokerTelemetryTests(OpenBrokerCluster silo)
{
    private static MqttApplicationMessage Message(string topic, string json) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(json)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Qos1_reading_is_in_the_twin_when_the_puback_arrives(MqttProtocolVersion version)
    {
        var twin = silo.Servers[0].Id;
        var value = Random.Shared.Next(1, 1_000_000) + 0.5;
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort, version);

        var result = await client.PublishAsync(Message($"dt/telemetry/{twin}", $$$"""{"ts":"{{{DateTimeOffset.UtcNow:O}}}","readings":{"inlet_temp_c":23.5,"power_w":{{{value}}}}}"""));

        Assert.True(result.IsSuccess, $"PUBACK {result.ReasonCode} {result.ReasonString}");
        // No waiting: acknowledged means applied.
        Assert.Equal(value, await silo.LatestAsync(twin, "power_w"));
        Assert.Equal(23.5, await silo.LatestAsync(twin, "inlet_temp_c"));
    }

    [Fact]
    public async Task Batch_message_is_applied_to_every_twin_it_names_before_the_puback()
    {
        var servers = silo.Servers.Take(5).Select(s => s.Id).ToList();
        var stamp = Random.Shared.Next(1, 1_000_000);
        var twins = string.Join(",", servers.Select((id, i) => $$"""
            "{{id}}":{"power_w":{{stamp + i}},"inlet_temp_c":21}
            """));
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);

        var result = await client.PublishAsync(Message("dt/telemetry", $$$"""{"ts":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"twins":{{{{twins}}}}}"""));

        Assert.True(result.IsSuccess, $"PUBACK {result.ReasonCode} {result.ReasonString}");
        for (var i = 0; i < servers.Count; i++) Assert.Equal(stamp + i, await silo.LatestAsync(servers[i], "power_w"));
    }

    [Fact]
    public async Task Array_batch_reaches_components_and_servers_alike()
    {
        var server = silo.Servers[1].Id;
        var cpu = server + "-cpu1";
        var stamp = Random.Shared.Next(1, 1_000_000);
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);

        var result = await client.PublishAsync(Message("dt/telemetry", $$$"""
            [{"twin":"{{{cpu}}}","readings":{"temp_c":{{{stamp}}},"util_pct":40}},
             {"twin":"{{{server}}}","readings":{"power_w":{{{stamp}}}}}]
            """));

        Assert.True(result.IsSuccess, $"PUBACK {result.ReasonCode} {result.ReasonString}");
        Assert.Equal(stamp, await silo.LatestAsync(cpu, "temp_c"));
        Assert.Equal(stamp, await silo.LatestAsync(server, "power_w"));
    }

    [Fact]
    public async Task Readings_reach_the_rack_rollup_through_their_servers()
    {
        var rack = silo.Rack.Id;
        var servers = silo.Servers.Where(s => s.ParentId == rack).Select(s => s.Id).ToList();
        // Above any nameplate default and far below the random values other tests leave on these servers.
        var watts = 1500.0 + Random.Shared.Next(1, 1000);
        var twins = string.Join(",", servers.Select(id => $$"""
            "{{id}}":{"power_w":{{watts}}}
            """));
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);

        await client.PublishAsync(Message("dt/telemetry", $$$"""{"twins":{{{{twins}}}}}"""));

        var expected = watts * servers.Count;
        await Eventually.TrueAsync(async () =>
        {
            var rollup = await silo.Grains.GetTwin(rack, TwinKind.Rack).GetRollupAsync();
            // The servers' sum, plus at most the rack's non-server assets (a switch, two PDUs).
            return rollup.ItPowerW >= expected && rollup.ItPowerW <= expected + 1000;
        }, $"rack {rack} rolls up the {expected} W of its servers");
    }

    [Theory]
    [InlineData("3.1.1")]
    [InlineData("5")]
    public async Task Mosquitto_pub_without_a_client_id_publishes_json(string mqttVersion)
    {
        string[] protocol = mqttVersion == "5" ? ["-V", "5"] : [];
        var twin = silo.Servers[2].Id;
        var value = Random.Shared.Next(1, 1_000_000);
        var mosquittoPub = ExternalProgram.Require("mosquitto_pub", "mosquitto-clients");

        var run = await ExternalProgram.RunAsync(mosquittoPub,
            [.. protocol, "-h", "127.0.0.1", "-p", silo.BrokerPort.ToString(), "-q", "1", "-t", $"dt/telemetry/{twin}", "-m", $$$"""{"readings":{"power_w":{{{value}}}}}"""],
            TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, $"mosquitto_pub failed ({run.ExitCode}): {run.Error}");
        Assert.Equal(value, await silo.LatestAsync(twin, "power_w"));
    }

    [Theory]
    [InlineData("3.1.1")]
    [InlineData("5")]
    public async Task Mosquitto_pub_publishes_collectd_payloads_with_their_trailing_nul(string mqttVersion)
    {
        string[] protocol = mqttVersion == "5" ? ["-V", "5"] : [];
        var value = Random.Shared.Next(1_000_000, 9_000_000);
        var mosquittoPub = ExternalProgram.Require("mosquitto_pub", "mosquitto-clients");
        var payload = Encoding.ASCII.GetBytes($"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.250:{value}\0");

        // -s sends standard input as the payload, byte for byte.
        var run = await ExternalProgram.RunAsync(mosquittoPub,
            [.. protocol, "-h", "127.0.0.1", "-p", silo.BrokerPort.ToString(), "-q", "1", "-t", $"collectd/{IngestionCluster.CollectdHost}/memory/memory-used", "-s"],
            TimeSpan.FromSeconds(30), payload);

        Assert.True(run.ExitCode == 0, $"mosquitto_pub failed ({run.ExitCode}): {run.Error}");
        Assert.Equal(value, await silo.LatestAsync(silo.CollectdTwin, "mem_used_bytes"));
    }

    [Fact]
    public async Task Subscribers_see_applied_telemetry_routed_as_usual()
    {
        var twin = silo.Servers[3].Id;
        await using var recorder = await MqttTopicRecorder.StartAsync(silo.BrokerPort, $"dt/telemetry/{twin}");
        using var client = await MqttTestClient.ConnectAsync(silo.BrokerPort);
        var marker = Guid.NewGuid().ToString("N");

        await client.PublishAsync(Message($"dt/telemetry/{twin}", $$$"""{"marker":"{{{marker}}}","readings":{"power_w":1}}"""));

        await recorder.WaitForAsync(m => m.Payload.Contains(marker), Eventually.Patience);
    }
}
