using System.Buffers;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Pipeline;
using DigitalTwin.Ingestion.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.External;

/// <summary>
/// The silo as an MQTT 5 client of an external broker (mosquitto and the like), subscribed through a shared
/// subscription (<c>$share/&lt;group&gt;/...</c>) so that the silos of a cluster split the topic space. Each QoS 1
/// message is acknowledged to the broker only after the pipeline applied it (manual acknowledgement). The session
/// is persistent: messages received but not yet acknowledged when the silo dies, and the silo's share of the
/// messages published while it is away, are delivered again when it reconnects with the same client id within
/// <see cref="ExternalBrokerOptions.SessionExpiry"/>.
/// </summary>
public sealed class ExternalBrokerClient : BackgroundService, IMqttOutlet
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private readonly ExternalBrokerOptions _options;
    private readonly TelemetryPipeline _pipeline;
    private readonly MqttOutlets _outlets;
    private readonly ILogger<ExternalBrokerClient> _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _aborted = new();
    private volatile bool _reconnectWanted;

    /// <summary>Creates the client; it connects once started (and only when enabled).</summary>
    public ExternalBrokerClient(IOptions<MqttIngestionOptions> options, TelemetryPipeline pipeline, MqttOutlets outlets, ILogger<ExternalBrokerClient> logger)
    {
        _options = options.Value.External;
        _pipeline = pipeline;
        _outlets = outlets;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentMessages));
    }

    /// <summary>The client id used at the broker.</summary>
    public string ClientId => _options.ClientId ?? $"dt-silo-{Environment.MachineName}";

    /// <inheritdoc />
    public bool IsAvailable => _client.IsConnected;

    /// <inheritdoc />
    public Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken) =>
        _client.PublishAsync(message, cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        _outlets.Add(this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _aborted.Token);
        var token = linked.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (!_client.IsConnected || _reconnectWanted)
                {
                    try
                    {
                        await ConnectAsync(token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        _logger.LogWarning("Cannot reach the external MQTT broker at {Host}:{Port}: {Error}", _options.Host, _options.Port, ex.Message);
                    }
                }
                await Task.Delay(_options.ReconnectDelay, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            _outlets.Remove(this);
        }
    }

    /// <summary>Stops taking messages, lets the ones in flight finish and be acknowledged, then disconnects.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_client.IsConnected) return;
        var drain = Math.Max(1, _options.MaxConcurrentMessages);
        for (var i = 0; i < drain; i++)
        {
            if (!await _slots.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false)) break;
        }
        await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the connection at once, as a crash would: messages in flight are not acknowledged, so the broker keeps
    /// them in this silo's session and delivers them again when a client with the same id connects.
    /// </summary>
    public override void Dispose()
    {
        _aborted.Cancel();
        _client.Dispose();
        base.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected) await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
        _reconnectWanted = false;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Math.Clamp(_options.SessionExpiry.TotalSeconds, 0, uint.MaxValue))
            .WithReceiveMaximum((ushort)Math.Clamp(_options.MaxConcurrentMessages, 1, ushort.MaxValue))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (!string.IsNullOrEmpty(_options.Username)) builder = builder.WithCredentials(_options.Username, _options.Password);
        var result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }
        // Subscribing again on a resumed session is harmless and covers a broker that lost the session.
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in _options.Topics)
        {
            subscribe = subscribe.WithTopicFilter($"$share/{_options.SharedGroup}/{topic}", MqttQualityOfServiceLevel.AtLeastOnce);
        }
        await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Connected to the external MQTT broker at {Host}:{Port} as {ClientId} (group {Group}, session {Session})",
            _options.Host, _options.Port, ClientId, _options.SharedGroup, result.IsSessionPresent ? "resumed" : "new");
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        // Waiting here is the back-pressure: the client reads no further message until a slot frees up.
        await _slots.WaitAsync(_aborted.Token).ConfigureAwait(false);
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
            for (var attempt = 0; outcome.Status == IngestionStatus.Failed && attempt < RetryDelays.Length; attempt++)
            {
                await Task.Delay(RetryDelays[attempt], _aborted.Token).ConfigureAwait(false);
                outcome = await _pipeline.ProcessAsync(topic, payload, DevicePrincipal.ExternalBroker, e.ClientId).ConfigureAwait(false);
            }
            if (outcome.Status == IngestionStatus.Failed)
            {
                // Not applied and not acknowledged: reconnecting makes the broker deliver it again.
                _reconnectWanted = true;
                return;
            }
            if (e.ApplicationMessage.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtMostOnce)
            {
                await e.AcknowledgeAsync(_aborted.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || _aborted.IsCancellationRequested)
        {
            // Aborted or disconnected before the acknowledgement: the broker still holds the message for this session.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A message from the external broker on {Topic} was not acknowledged", topic);
        }
        finally
        {
            _slots.Release();
        }
    }
}
