using System.Buffers;
using System.Collections.Concurrent;
using DataCentreSimulator.Commands;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DataCentreSimulator.Telemetry;

/// <summary>
/// The simulator's one MQTT connection, as a gateway in the hall would have: publishes telemetry and command
/// acknowledgements at QoS 1, and receives commands (<c>dt/commands/+</c>) and fault injections (<c>sim/faults</c>),
/// which wait in a queue for the simulation loop so the physics is only ever touched from one thread.
/// </summary>
internal sealed class MqttLink(string host, int port, string? username, string? password, string clientId) : ITelemetrySink
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<InboundMessage> _inbound = new();

    public ConcurrentQueue<InboundMessage> Inbound => _inbound;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects and subscribes; retries until <paramref name="cancellationToken"/> or success.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _inbound.Enqueue(new InboundMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        while (true)
        {
            try
            {
                await ConnectOnceAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"simulator: broker {host}:{port} not reachable ({ex.Message}); retrying");
                await Task.Delay(1000, cancellationToken);
            }
        }
    }

    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (username is not null) options = options.WithCredentials(username, password);
        var result = await _client.ConnectAsync(options.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"connection refused: {result.ResultCode} {result.ReasonString}");
        }
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(CommandHandler.CommandTopicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(CommandHandler.FaultTopic, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
    }

    /// <summary>Batches and acknowledgements lost to a broker that timed out or dropped the connection.</summary>
    public long Lost { get; private set; }

    /// <summary>
    /// Publishes at QoS 1 and waits for the broker's acknowledgement. A broker that is too slow to answer or drops
    /// the connection loses this message (counted and said), never the run: the next publish reconnects, as a real
    /// gateway would, and the physics goes on regardless.
    /// </summary>
    public async Task PublishAsync(string topic, byte[] payload, DateTimeOffset ts, CancellationToken cancellationToken)
    {
        try
        {
            if (!_client.IsConnected) await ConnectOnceAsync(cancellationToken);
            var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), cancellationToken);
            if (!result.IsSuccess)
            {
                // A refusal is the broker's verdict on this message; the run goes on and says so once per message.
                Console.Error.WriteLine($"simulator: {topic} refused: {result.ReasonCode} {result.ReasonString}");
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            Lost++;
            Console.Error.WriteLine($"simulator: {topic} lost ({ex.GetType().Name}: {ex.Message}); {Lost} lost so far; reconnecting on the next publish");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(); } catch (Exception ex) when (ex is not OutOfMemoryException) { }
        }
        _client.Dispose();
    }
}

/// <summary>A message received from the broker, waiting for the simulation loop.</summary>
internal sealed record InboundMessage(string Topic, byte[] Payload);
