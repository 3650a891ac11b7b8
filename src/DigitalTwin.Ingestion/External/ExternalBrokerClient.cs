using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Orleans.Runtime;

namespace DigitalTwin.Ingestion.External;

/// <summary>
/// The silo as an MQTT 5 client of an external broker (mosquitto and the like), subscribed through a shared
/// subscription (<c>$share/&lt;group&gt;/...</c>) so that the silos of a cluster split the topic space. Each QoS 1
/// message is acknowledged to the broker only after the pipeline applied it (manual acknowledgement). The session
/// is persistent: messages received but not yet acknowledged when the silo dies, and the silo's share of the
/// messages published while it is away, are delivered again when it reconnects with the same client id within
/// <see cref="ExternalBrokerOptions.SessionExpiry"/> — or, if it does not come back, to the live silo that adopts
/// its session (<see cref="SessionAdopter"/>).
/// </summary>
public sealed class ExternalBrokerClient : BackgroundService, IMqttOutlet
{
    private readonly ExternalBrokerOptions _options;
    private readonly MqttOutlets _outlets;
    private readonly ILogger<ExternalBrokerClient> _logger;
    private readonly IMqttClient _client;
    private readonly AppliedAcknowledgement _receiver;
    private readonly CancellationTokenSource _aborted = new();

    /// <summary>Creates the client; it connects once started (and only when enabled).</summary>
    public ExternalBrokerClient(IOptions<MqttIngestionOptions> options, TelemetryPipeline pipeline, MqttOutlets outlets, ILogger<ExternalBrokerClient> logger,
        ILocalSiloDetails? silo = null)
    {
        _options = options.Value.External;
        _outlets = outlets;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _receiver = new AppliedAcknowledgement(_client, pipeline, _options.MaxConcurrentMessages, logger);
        ClientId = _options.ClientId
            ?? (silo is not null ? ExternalSession.ClientIdFor(_options, silo.SiloAddress.Endpoint) : $"{_options.ClientIdPrefix}-{Environment.MachineName}");
    }

    /// <summary>
    /// The client id used at the broker: <see cref="ExternalBrokerOptions.ClientId"/> when set, otherwise derived
    /// from the silo's endpoint (<see cref="ExternalSession.ClientIdFor"/>) so that peers can adopt the session.
    /// </summary>
    public string ClientId { get; }

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
                if (!_client.IsConnected || _receiver.ReconnectWanted)
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

    /// <summary>
    /// Stops taking messages, lets the ones in flight finish and be acknowledged, then disconnects. A stop that is no
    /// longer graceful (<paramref name="cancellationToken"/> cancelled) drops the connection instead, leaving whatever
    /// is unacknowledged in the session.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_aborted.IsCancellationRequested || !_client.IsConnected) return;
        try
        {
            await _receiver.DrainAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _receiver.Abort();
            _client.Dispose();
            return;
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
        _receiver.Abort();
        _client.Dispose();
        base.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected) await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
        _receiver.ReconnectWanted = false;
        var result = await _client.ConnectAsync(ExternalSession.ConnectOptions(_options, ClientId), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }
        // Subscribing again on a resumed session is harmless and covers a broker that lost the session.
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in ExternalSession.SharedFilters(_options))
        {
            subscribe = subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }
        await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Connected to the external MQTT broker at {Host}:{Port} as {ClientId} (group {Group}, session {Session})",
            _options.Host, _options.Port, ClientId, _options.SharedGroup, result.IsSessionPresent ? "resumed" : "new");
    }
}
