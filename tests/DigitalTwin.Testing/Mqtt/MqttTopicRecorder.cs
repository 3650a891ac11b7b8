using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Testing.Mqtt;

/// <summary>A subscriber that records every message on a topic filter, for asserting what a broker routed.</summary>
public sealed class MqttTopicRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<(string Topic, string Payload)> _messages = new();

    private MqttTopicRecorder(IMqttClient client) => _client = client;

    /// <summary>The messages received so far, in arrival order.</summary>
    public IReadOnlyList<(string Topic, string Payload)> Messages => _messages.ToArray();

    /// <summary>Connects and subscribes to <paramref name="filter"/> at QoS 1.</summary>
    public static async Task<MqttTopicRecorder> StartAsync(int port, string filter, string? username = null, string? password = null)
    {
        var client = await MqttTestClient.ConnectAsync(port, username: username, password: password);
        var recorder = new MqttTopicRecorder(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            recorder._messages.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var code = subscribed.Items.Single().ResultCode;
        if (code > MqttClientSubscribeResultCode.GrantedQoS2) throw new InvalidOperationException($"Subscription to {filter} refused: {code}");
        return recorder;
    }

    /// <summary>Waits until a message satisfying <paramref name="match"/> has arrived, and returns it.</summary>
    public async Task<(string Topic, string Payload)> WaitForAsync(Func<(string Topic, string Payload), bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var message in _messages)
            {
                if (match(message)) return message;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching message within {timeout}; received: {string.Join(" | ", _messages.Select(m => m.Topic))}");
            }
            await Task.Delay(25);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }
}
