using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// Publishers at a steady rate: message <c>i</c> goes at <c>i / rate</c> seconds to twin <c>i mod twins</c> as that
/// twin's sequence number <c>i / twins</c>, QoS 1, over several MQTT 5 connections to the external broker with a few
/// publishes in flight on each. A message counts as acknowledged only when the broker's PUBACK reports success; a
/// publish that fails or times out stays merely published (the publisher does not resend: what is counted is what
/// the broker took responsibility for).
/// </summary>
internal sealed class ChaosPublishers(string host, int port, int connections, int inflight, IReadOnlyList<string> twins, ChaosTelemetry telemetry,
    SequenceLedger ledger)
{
    private long _failed;

    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync(double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, connections).Select(i => ConnectAsync(i, cancellationToken)));
        try
        {
            var total = (long)Math.Min(rate * duration.TotalSeconds, (long)twins.Count * ledger.SequencesPerTwin);
            var loops = connections * inflight;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, loops).Select(async loop =>
            {
                var client = clients[loop % clients.Length];
                for (long i = loop; i < total && !cancellationToken.IsCancellationRequested; i += loops)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
                    var twin = (int)(i % twins.Count);
                    var sequence = (int)(i / twins.Count);
                    await PublishAsync(client, twin, sequence, cancellationToken);
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

    private async Task PublishAsync(IMqttClient client, int twin, int sequence, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"dt/telemetry/{twins[twin]}")
            .WithPayload(telemetry.Payload(twin, sequence))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        ledger.MarkPublished(twin, sequence);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var result = await client.PublishAsync(message, timeout.Token);
            if (result.IsSuccess) ledger.MarkAcknowledged(twin, sequence);
            else Interlocked.Increment(ref _failed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    private async Task<IMqttClient> ConnectAsync(int index, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"dt-chaos-{Environment.ProcessId}-{index}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused a publisher's connection ({result.ResultCode})");
        }
        return client;
    }
}
