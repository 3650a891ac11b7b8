using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.External;
using DigitalTwin.Testing;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Testing.Postgres;
using DigitalTwin.Testing.Processes;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Persistence.Tests.Twins;

/// <summary>
/// <c>DigitalTwin:Mqtt:AckMode=Durable</c>: a silo process on PostgreSQL reads mosquitto through the shared
/// subscription, acknowledges messages, and is killed with SIGKILL. Its twins checkpoint only once an hour, so the
/// readings can only be in the store because the durable mode wrote them before acknowledging; the broker holds
/// nothing unacknowledged for the dead silo, and the silo started again on the same database holds every reading.
/// </summary>
public sealed class Durable_acknowledgement_survives_a_killed_silo : IAsyncLifetime
{
    private const int Messages = 20;
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-durable-").FullName;
    private string _admin = "";
    private string _database = "";
    private MosquittoBroker _mosquitto = null!;

    public async Task InitializeAsync()
    {
        _admin = await PostgresServer.AcquireAsync();
        _database = await PostgresServer.CreateDatabaseAsync(_admin, "durable_ack");
        _mosquitto = await MosquittoBroker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _mosquitto.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_admin, _database);
        await PostgresServer.ReleaseAsync();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string> Settings(bool external) => new()
    {
        ["DigitalTwin:Storage:Provider"] = "Postgres",
        ["DigitalTwin:Storage:ConnectionString"] = _database,
        ["DigitalTwin:Mqtt:Broker:Enabled"] = "false",
        ["DigitalTwin:Mqtt:External:Enabled"] = external ? "true" : "false",
        ["DigitalTwin:Mqtt:External:Host"] = "127.0.0.1",
        ["DigitalTwin:Mqtt:External:Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
        ["DigitalTwin:Mqtt:AckMode"] = "Durable",
        // No checkpoint can save the readings within the test: only the durable acknowledgement's write can.
        ["DigitalTwin:Twins:CheckpointInterval"] = "01:00:00",
    };

    [Fact]
    public async Task Readings_acknowledged_in_durable_mode_are_in_the_store_after_SIGKILL()
    {
        var ports = SiloPorts.Allocate();
        var silo = await SiloProcess.StartAsync(_workDir, Settings(external: true), ports);
        try
        {
            using var import = await silo.Http.PostAsync("/api/topology", new StringContent("""
                apiVersion: digitaltwin/v1
                twins:
                  - { id: dc-1, kind: datacentre }
                  - { id: room-1, kind: room, parent: dc-1 }
                  - { id: rack-1, kind: rack, parent: room-1, rated: { power_budget_w: 12000 } }
                  - { id: srv-1, kind: server, parent: rack-1 }
                """));
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

            using var publisher = await MqttTestClient.ConnectAsync(_mosquitto.Port);
            var start = DateTimeOffset.UtcNow.AddMinutes(-2);
            for (var seq = 0; seq < Messages; seq++)
            {
                var result = await publisher.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic("dt/telemetry/srv-1")
                    .WithPayload(Encoding.UTF8.GetBytes($$$"""{"ts":"{{{start.AddSeconds(seq):O}}}","readings":{"seq":{{{seq}}}}}"""))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build());
                Assert.True(result.IsSuccess, $"{result.ReasonCode} {result.ReasonString}");
            }
            await Eventually.TrueAsync(async () => await AppliedMessagesAsync(silo) >= Messages, "the silo applies every message",
                TimeSpan.FromSeconds(60), () => silo.Output);
        }
        finally
        {
            await silo.KillAsync();
            await silo.DisposeAsync();
        }

        // The dead silo's broker session holds nothing: every message was acknowledged before the kill.
        var redelivered = await DrainSessionAsync(ExternalSession.ClientIdFor(new ExternalBrokerOptions(), new(System.Net.IPAddress.Loopback, ports.Silo)));
        Assert.Equal(0, redelivered);

        await using var again = await SiloProcess.StartAsync(_workDir, Settings(external: false), ports);
        using var twin = JsonDocument.Parse(await again.Http.GetStringAsync("/api/twins/srv-1"));
        Assert.Equal(Messages - 1, twin.RootElement.GetProperty("latest").GetProperty("seq").GetProperty("value").GetDouble());
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        using var history = JsonDocument.Parse(await again.Http.GetStringAsync($"/api/twins/srv-1/history/seq?from={from}&to={to}"));
        var buckets = history.RootElement.ValueKind == JsonValueKind.Array ? history.RootElement : history.RootElement.GetProperty("buckets");
        Assert.Equal(Messages, buckets.EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
    }

    private static async Task<long> AppliedMessagesAsync(SiloProcess silo)
    {
        using var stats = JsonDocument.Parse(await silo.Http.GetStringAsync("/api/ingestion/stats"));
        return stats.RootElement.GetProperty("applied_messages").GetInt64();
    }

    private async Task<int> DrainSessionAsync(string clientId)
    {
        var received = 0;
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _mosquitto.Port).WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(false).WithSessionExpiryInterval(60).Build();
        var connected = await client.ConnectAsync(options);
        Assert.True(connected.IsSessionPresent, "the killed silo left a session at the broker");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
        return received;
    }
}
