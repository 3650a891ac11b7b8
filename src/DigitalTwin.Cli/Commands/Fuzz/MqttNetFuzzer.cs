using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>
/// Publishes hostile cases with MQTTnet (MQTT 5, QoS 1, several publishes in flight on several connections) and
/// checks every PUBACK: a known reason code, and a reason string that MQTT 5 allows and a log reader can trust (no
/// NUL or other control characters, no lone surrogates, at most 65,535 bytes). A case over the packet limit goes on
/// a connection of its own, since the silo closes the connection it arrives on.
/// </summary>
internal sealed class MqttNetFuzzer(IPEndPoint broker, int connections, int inflight)
{
    private static readonly HashSet<MqttClientPublishReasonCode> KnownCodes = [.. Enum.GetValues<MqttClientPublishReasonCode>()];

    /// <summary>Publishes cases <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public async Task RunAsync(HostileTelemetry cases, long first, long count, FuzzTally tally, CancellationToken cancellationToken)
    {
        long next = first - 1;
        var end = first + count;
        var clients = new IMqttClient[connections];
        for (var i = 0; i < connections; i++) clients[i] = await ConnectAsync(i, cancellationToken);
        var gates = clients.Select(_ => new SemaphoreSlim(1)).ToArray();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, connections * inflight).Select(async loop =>
            {
                var slot = loop % connections;
                while (!cancellationToken.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    if (n >= end) return;
                    var hostile = cases.Create(n);
                    if (hostile.OverPacketLimit)
                    {
                        await PublishOverLimitAsync(hostile, tally, cancellationToken);
                        continue;
                    }
                    var client = clients[slot];
                    tally.Sending();
                    try
                    {
                        var result = await client.PublishAsync(Message(hostile), cancellationToken);
                        Check(result, tally);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        tally.Unanswer($"{hostile.Kind}: {ex.GetType().Name}");
                        await gates[slot].WaitAsync(cancellationToken);
                        try
                        {
                            if (!clients[slot].IsConnected)
                            {
                                tally.Disconnected($"connection dropped after {hostile.Kind}");
                                clients[slot].Dispose();
                                clients[slot] = await ConnectAsync(slot, cancellationToken);
                            }
                        }
                        finally
                        {
                            gates[slot].Release();
                        }
                    }
                }
            }));
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                client.Dispose();
            }
        }
    }

    private async Task PublishOverLimitAsync(HostileCase hostile, FuzzTally tally, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(-1, cancellationToken);
        tally.OverLimitSent();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var result = await client.PublishAsync(Message(hostile), timeout.Token);
            // The silo should have closed the connection instead of answering.
            tally.Invalid($"{hostile.Kind} was answered ({result.ReasonCode}) instead of refused by closing the connection");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not null)
        {
            // Expected: the connection was closed from the packet's fixed header.
        }
    }

    private static MqttApplicationMessage Message(HostileCase hostile) => new MqttApplicationMessageBuilder()
        .WithTopic(hostile.Topic)
        .WithPayload(hostile.Payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static void Check(MqttClientPublishResult result, FuzzTally tally)
    {
        tally.Answer(result.IsSuccess);
        if (!KnownCodes.Contains(result.ReasonCode)) tally.Invalid($"unknown PUBACK reason code {(int)result.ReasonCode}");
        if (result.ReasonString is { } text && Problem(text) is { } problem) tally.Invalid("PUBACK reason string " + problem);
    }

    /// <summary>Why <paramref name="text"/> may not be an MQTT 5 reason string (or a log line), or null.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "holds NUL";
            if (c < ' ' || c is >= '\u007f' and <= '\u009f') return $"holds control character U+{(int)c:X4}";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return "holds a lone surrogate";
        }
        return Encoding.UTF8.GetByteCount(text) > 65_535 ? "is longer than 65,535 bytes" : null;
    }

    private async Task<IMqttClient> ConnectAsync(int index, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Address.ToString(), broker.Port)
            .WithClientId($"dt-fuzz-{Environment.ProcessId}-{(index < 0 ? Guid.NewGuid().ToString("N")[..8] : index.ToString(System.Globalization.CultureInfo.InvariantCulture))}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success) throw new InvalidOperationException($"the broker refused the fuzzer's connection ({result.ResultCode})");
        return client;
    }
}
