using DigitalTwin.Abstractions.Telemetry;
using System.Collections;
using System.Net;
using DigitalTwin.Ingestion.Configuration;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Pipeline;
using DigitalTwin.Ingestion.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DigitalTwin.Ingestion.Broker;

/// <summary>
/// The MQTT broker inside the silo. Telemetry is applied inside the broker's own publish pipeline
/// (<c>InterceptingPublishAsync</c>): the PUBACK of a QoS 1 message leaves only after every twin in it has applied
/// it, refused messages are not routed and, for MQTT 5 publishers, carry a PUBACK reason code and reason string.
/// Connections are authenticated against the configured devices, and every queue drop is counted.
/// </summary>
public sealed class EmbeddedBroker : IHostedService, IMqttOutlet, IAsyncDisposable
{
    private const string ProtocolKey = "dt.protocol";
    private const int MaxReasonString = 256;
    private readonly MqttIngestionOptions _options;
    private readonly TelemetryPipeline _pipeline;
    private readonly DeviceAuthenticator _authenticator;
    private readonly IngestionStatistics _statistics;
    private readonly MqttOutlets _outlets;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly Hashtable _siloSession = new() { [DevicePrincipal.SessionKey] = DevicePrincipal.Silo };
    private MqttServer? _server;

    /// <summary>Creates the broker; it listens once started.</summary>
    public EmbeddedBroker(
        IOptions<MqttIngestionOptions> options,
        TelemetryPipeline pipeline,
        DeviceAuthenticator authenticator,
        IngestionStatistics statistics,
        MqttOutlets outlets,
        ILogger<EmbeddedBroker> logger)
    {
        _options = options.Value;
        _pipeline = pipeline;
        _authenticator = authenticator;
        _statistics = statistics;
        _outlets = outlets;
        _logger = logger;
    }

    /// <inheritdoc />
    public bool IsAvailable => _server?.IsStarted == true;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = _options.Broker;
        if (!broker.Enabled) return;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(broker.Port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(broker.BindAddress))
            .WithConnectionBacklog(broker.ConnectionBacklog)
            .WithMaxPendingMessagesPerClient(broker.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(broker.OverflowStrategy)
            .Build();
        // A packet may carry the largest accepted payload plus a topic (at most 64 KiB) and properties; anything larger
        // is refused from its fixed header instead of being buffered whole.
        var maxPacketBytes = _options.Limits.MaxPayloadBytes + 66 * 1024;
        var listener = new BoundedTcpServerAdapter(IPAddress.Parse(broker.BindAddress), broker.Port, broker.ConnectionBacklog, maxPacketBytes, size =>
        {
            _statistics.RefusedUnread(RejectionReasons.Oversized);
            _logger.LogWarning("Refused an MQTT packet of {Size} bytes (limit {Limit}) and closed its connection", size, maxPacketBytes);
        });
        var server = new MqttServerFactory().CreateMqttServer(serverOptions, [new ClientIdAssigningServerAdapter(listener)]);
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        // With the default strategy the oldest queued message is overwritten; with DropNewMessage the new one is
        // dropped at enqueue. Either way the drop is counted, never silent.
        server.QueuedApplicationMessageOverwrittenAsync += _ =>
        {
            _statistics.QueueDropped();
            return Task.CompletedTask;
        };
        if (broker.OverflowStrategy == MqttPendingMessagesOverflowStrategy.DropNewMessage)
        {
            server.ApplicationMessageEnqueuedOrDroppedAsync += e =>
            {
                if (e.IsDropped) _statistics.QueueDropped();
                return Task.CompletedTask;
            };
        }
        await server.StartAsync().ConfigureAwait(false);
        _server = server;
        _outlets.Add(this);
        _logger.LogInformation("MQTT broker listening on {Address}:{Port} (anonymous publishing {Anonymous})",
            broker.BindAddress, broker.Port, _options.AllowAnonymous ? "allowed" : "off");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server) return;
        _outlets.Remove(this);
        await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("The embedded broker is not running.");
        return server.InjectApplicationMessage(
            new InjectedMqttApplicationMessage(message) { SenderClientId = "$dt-silo", CustomSessionItems = _siloSession },
            cancellationToken);
    }

    /// <summary>The number of clients connected now.</summary>
    public async Task<int> CountClientsAsync() => _server is { } server ? (await server.GetClientsAsync().ConfigureAwait(false)).Count : 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            if (server.IsStarted) await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            server.Dispose();
        }
    }

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var principal = _authenticator.Authenticate(e.UserName, e.Password);
        if (principal is null)
        {
            _statistics.ConnectionRefused();
            e.ReasonCode = string.IsNullOrEmpty(e.UserName) ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
            _logger.LogInformation("Refused MQTT connection from {Endpoint} (user '{User}')", e.RemoteEndPoint, UntrustedText.Escape(e.UserName));
            return Task.CompletedTask;
        }
        e.SessionItems[DevicePrincipal.SessionKey] = principal;
        e.SessionItems[ProtocolKey] = e.ProtocolVersion;
        if (string.IsNullOrEmpty(e.ClientId)) e.AssignedClientIdentifier = "dt-anon-" + Guid.NewGuid().ToString("N");
        return Task.CompletedTask;
    }

    private async Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        var principal = e.SessionItems[DevicePrincipal.SessionKey] as DevicePrincipal;
        if (principal is null)
        {
            // Only a client that passed validation has a session principal; anything else is refused.
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            _statistics.PublishRefused();
            _statistics.RefusedUnread(RejectionReasons.NotAuthorized);
            return;
        }
        IngestionOutcome outcome;
        try
        {
            var message = e.ApplicationMessage;
            outcome = await _pipeline.ProcessAsync(message.Topic, message.Payload, principal, e.ClientId).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The pipeline counts and contains its own failures; this is a last guard that keeps the connection.
            _logger.LogError(ex, "Ingestion failed for a message on {Topic}", UntrustedText.Escape(e.ApplicationMessage.Topic));
            outcome = new IngestionOutcome(IngestionStatus.Failed, new Parsing.TelemetryRejection("failed", ex.GetType().Name));
        }

        switch (outcome.Status)
        {
            case IngestionStatus.Applied when outcome.Rejection is { } partial:
                e.Response.ReasonString = Shorten($"{outcome.AppliedPoints} applied; {partial}");
                break;
            case IngestionStatus.Rejected:
                e.ProcessPublish = false;
                e.Response.ReasonCode = PubAckReasons.For(outcome.Rejection!.Reason);
                e.Response.ReasonString = Shorten(outcome.Rejection.ToString());
                break;
            case IngestionStatus.Shed when e.SessionItems[ProtocolKey] is MqttProtocolVersion.V500:
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
                e.Response.ReasonString = Shorten(outcome.Rejection!.ToString());
                break;
            case IngestionStatus.Failed or IngestionStatus.Shed:
                e.ProcessPublish = false;
                if (e.SessionItems[ProtocolKey] is MqttProtocolVersion.V500)
                {
                    e.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
                    e.Response.ReasonString = Shorten("not applied, publish again: " + outcome.Rejection?.Detail);
                }
                else if (e.ApplicationMessage.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtMostOnce)
                {
                    // MQTT 3.1.1 has no negative PUBACK: withholding it by dropping the connection is the only way
                    // to make the client send the message again.
                    e.CloseConnection = true;
                }
                break;
        }
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[DevicePrincipal.SessionKey] is DevicePrincipal principal && principal.MaySubscribe(e.TopicFilter.Topic))
        {
            return Task.CompletedTask;
        }
        _statistics.SubscriptionRefused();
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    // MQTT 5 forbids NUL in a UTF-8 string and strict clients drop the connection on it: escaped (again; it is
    // idempotent) and cut without splitting a character.
    private static string Shorten(string text) => UntrustedText.Escape(text, MaxReasonString);
}
