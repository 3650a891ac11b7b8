using MQTTnet;
using MQTTnet.Formatter;

namespace DigitalTwin.Testing.Mqtt;

/// <summary>Real MQTTnet clients for tests, connected over loopback.</summary>
public static class MqttTestClient
{
    /// <summary>Connects a client; throws when the broker refuses.</summary>
    public static async Task<IMqttClient> ConnectAsync(
        int port,
        MqttProtocolVersion version = MqttProtocolVersion.V500,
        string? username = null,
        string? password = null,
        string? clientId = null,
        bool cleanStart = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(port, version, username, password, clientId, cleanStart));
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"The broker refused the connection: {result.ResultCode}");
        }
        return client;
    }

    /// <summary>The options <see cref="ConnectAsync"/> uses.</summary>
    public static MqttClientOptions Options(int port, MqttProtocolVersion version = MqttProtocolVersion.V500,
        string? username = null, string? password = null, string? clientId = null, bool cleanStart = true)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(version)
            .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N")[..12])
            .WithCleanStart(cleanStart)
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (username is not null) builder = builder.WithCredentials(username, password);
        return builder.Build();
    }
}
