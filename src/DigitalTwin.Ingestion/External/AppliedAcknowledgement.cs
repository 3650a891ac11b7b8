using System.Buffers;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Pipeline;
using DigitalTwin.Ingestion.Security;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.External;

/// <summary>
/// Receives the messages of one MQTT client of the external broker and acknowledges each QoS 1 message only after
/// the pipeline applied it, a bounded number at a time. A message that cannot be applied is left unacknowledged
/// (and <see cref="ReconnectWanted"/> is raised) so the broker keeps it in the session and delivers it again.
/// </summary>
public sealed class AppliedAcknowledgement
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private readonly TelemetryPipeline _pipeline;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _aborted = new();
    private long _received, _acknowledged, _lastReceivedTicks = Environment.TickCount64;
    private int _inFlight;

    /// <summary>Handles the messages <paramref name="client"/> receives.</summary>
    public AppliedAcknowledgement(IMqttClient client, TelemetryPipeline pipeline, int maxConcurrentMessages, ILogger logger)
    {
        _pipeline = pipeline;
        _logger = logger;
        _capacity = Math.Max(1, maxConcurrentMessages);
        _slots = new SemaphoreSlim(_capacity);
        client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    /// <summary>Whether a message could not be applied: reconnecting makes the broker deliver it again.</summary>
    public bool ReconnectWanted { get; set; }

    /// <summary>Messages received so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages applied and acknowledged (or applied, for QoS 0) so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Messages received and not finished yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How long since the last message arrived.</summary>
    public TimeSpan SinceLastReceived => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastReceivedTicks));

    /// <summary>Waits (up to <paramref name="timeout"/>) until every message in flight has finished.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var taken = 0;
        try
        {
            for (; taken < _capacity; taken++)
            {
                if (!await _slots.WaitAsync(timeout, cancellationToken).ConfigureAwait(false)) break;
            }
        }
        finally
        {
            if (taken > 0) _slots.Release(taken);
        }
    }

    /// <summary>Stops at once: nothing in flight is acknowledged any more.</summary>
    public void Abort() => _aborted.Cancel();

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        Interlocked.Increment(ref _received);
        Interlocked.Exchange(ref _lastReceivedTicks, Environment.TickCount64);
        // Waiting here is the back-pressure: the client reads no further message until a slot frees up.
        await _slots.WaitAsync(_aborted.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _inFlight);
        var topic = e.ApplicationMessage.Topic;
        // The client may reuse the received buffer once this handler returns; the pipeline runs on after that.
        var payload = new ReadOnlySequence<byte>(e.ApplicationMessage.Payload.ToArray());
        _ = ProcessAsync(e, topic, payload);
    }

    private async Task ProcessAsync(MqttApplicationMessageReceivedEventArgs e, string topic, ReadOnlySequence<byte> payload)
    {
        try
        {
            var outcome = await _pipeline.ProcessAsync(topic, payload, DevicePrincipal.ExternalBroker, e.ClientId).ConfigureAwait(false);
            for (var attempt = 0; outcome.Status is IngestionStatus.Failed or IngestionStatus.Shed && attempt < RetryDelays.Length; attempt++)
            {
                await Task.Delay(RetryDelays[attempt], _aborted.Token).ConfigureAwait(false);
                outcome = await _pipeline.ProcessAsync(topic, payload, DevicePrincipal.ExternalBroker, e.ClientId).ConfigureAwait(false);
            }
            if (outcome.Status is IngestionStatus.Failed or IngestionStatus.Shed)
            {
                ReconnectWanted = true;
                return;
            }
            if (e.ApplicationMessage.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtMostOnce)
            {
                await e.AcknowledgeAsync(_aborted.Token).ConfigureAwait(false);
            }
            Interlocked.Increment(ref _acknowledged);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || _aborted.IsCancellationRequested)
        {
            // Aborted or disconnected before the acknowledgement: the broker still holds the message for this session.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A message from the external broker on {Topic} was not acknowledged", UntrustedText.Escape(topic));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }
}
