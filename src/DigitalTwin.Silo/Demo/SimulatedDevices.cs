using System.Text.Json;
using DigitalTwin.Abstractions.Topology;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Silo.Demo;

/// <summary>
/// Publishes the demo physics as devices would: one MQTT message per device and interval on
/// <c>dt/telemetry/&lt;twinId&gt;</c>, at QoS 1, to the silo's own embedded broker.
/// </summary>
internal sealed partial class SimulatedDevices(TopologyView view, int brokerPort, ILogger logger) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly DemoPhysics _physics = new(view);

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                if (!_client.IsConnected) await ConnectAsync(cancellationToken);
                await PublishAsync(DateTimeOffset.UtcNow, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The broker may still be starting, or restarting: try again on the next tick.
                LogPublishFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private Task ConnectAsync(CancellationToken cancellationToken) => _client.ConnectAsync(
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", brokerPort)
            .WithClientId("dt-demo-devices")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build(),
        cancellationToken);

    private async Task PublishAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (twinId, readings) in _physics.Sample(now))
        {
            // Each device stamps its own message as it sends it, as real devices do.
            var payload = JsonSerializer.SerializeToUtf8Bytes(new { ts = DateTimeOffset.UtcNow, readings });
            var message = new MqttApplicationMessageBuilder()
                .WithTopic($"dt/telemetry/{twinId}")
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await _client.PublishAsync(message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo devices: publish failed ({Reason}); retrying")]
    private partial void LogPublishFailed(string reason);
}
