using System.Net;
using DigitalTwin.Ingestion.Configuration;
using MQTTnet;
using MQTTnet.Formatter;

namespace DigitalTwin.Ingestion.External;

/// <summary>
/// What every connection to the external broker shares: the client id a silo uses (which its peers can compute, so
/// that one of them can adopt the session when the silo dies) and the MQTT 5 options of a persistent session.
/// </summary>
public static class ExternalSession
{
    /// <summary>
    /// The client id of the silo listening on <paramref name="endpoint"/>: <c>&lt;prefix&gt;-&lt;address&gt;-&lt;port&gt;</c>.
    /// Stable across restarts on the same endpoint (the silo's generation is left out) and unique within a cluster.
    /// </summary>
    public static string ClientIdFor(ExternalBrokerOptions options, IPEndPoint endpoint) =>
        $"{options.ClientIdPrefix}-{endpoint.Address}-{endpoint.Port}";

    /// <summary>The shared-subscription filters of the silos' group.</summary>
    public static IReadOnlyList<string> SharedFilters(ExternalBrokerOptions options) =>
        options.Topics.Select(topic => $"$share/{options.SharedGroup}/{topic}").ToList();

    /// <summary>Connection options for a persistent session (clean start off) under <paramref name="clientId"/>.</summary>
    public static MqttClientOptions ConnectOptions(ExternalBrokerOptions options, string clientId)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Math.Clamp(options.SessionExpiry.TotalSeconds, 0, uint.MaxValue))
            .WithReceiveMaximum((ushort)Math.Clamp(options.MaxConcurrentMessages, 1, ushort.MaxValue))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (!string.IsNullOrEmpty(options.Username)) builder = builder.WithCredentials(options.Username, options.Password);
        return builder.Build();
    }

    /// <summary>
    /// Ends the session of <paramref name="clientId"/> at the broker, discarding whatever it still holds: a connection
    /// with clean start and session expiry 0, then a disconnect. (An MQTT 5 DISCONNECT could lower the expiry to 0,
    /// but MQTTnet 5.2 leaves a 0 expiry out of the packet, and then the broker keeps the CONNECT's expiry.)
    /// </summary>
    public static async Task EndAsync(ExternalBrokerOptions options, string clientId, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0);
        if (!string.IsNullOrEmpty(options.Username)) builder = builder.WithCredentials(options.Username, options.Password);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
    }
}
