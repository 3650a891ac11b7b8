namespace DigitalTwin.Ingestion.Configuration;

/// <summary>
/// The <c>DigitalTwin:Mqtt:External</c> section: the silo subscribes to an external broker as an MQTT 5 client with a
/// shared subscription, so several silos split one topic space, and acknowledges each QoS 1 message only after it
/// has been applied.
/// </summary>
public sealed class ExternalBrokerOptions
{
    /// <summary>Whether to connect to an external broker. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The broker's host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The broker's port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// The client id. It must be stable across restarts of the same silo (the broker keeps the persistent session,
    /// with its unacknowledged messages, under it) and different between silos. Leave it unset: the default,
    /// <c>&lt;prefix&gt;-&lt;silo address&gt;-&lt;silo port&gt;</c>, is one the other silos can compute, so that a live silo
    /// adopts the session of a silo that died (<see cref="AdoptDeadSessions"/>). An explicit id cannot be adopted.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The prefix of the derived client ids.</summary>
    public string ClientIdPrefix { get; set; } = "dt-silo";

    /// <summary>
    /// Whether a live silo takes over the broker session of a silo the cluster declared dead, applies what the broker
    /// kept for it (its unacknowledged and queued share), then ends that session. On by default.
    /// </summary>
    public bool AdoptDeadSessions { get; set; } = true;

    /// <summary>How often the cluster membership is read for dead silos.</summary>
    public TimeSpan AdoptionPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An adopted session counts as drained once nothing has arrived on it for this long.</summary>
    public TimeSpan AdoptionQuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest an adopted session is read before it is ended.</summary>
    public TimeSpan AdoptionMaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shared-subscription group: silos in one group split the messages between them.</summary>
    public string SharedGroup { get; set; } = "digitaltwin";

    /// <summary>The topic filters to subscribe to (each is prefixed with <c>$share/&lt;group&gt;/</c>).</summary>
    public List<string> Topics { get; set; } = ["dt/telemetry", "dt/telemetry/+", "dt/commands/+/ack", "collectd/#"];

    /// <summary>User name at the external broker, if it wants one.</summary>
    public string? Username { get; set; }

    /// <summary>Password at the external broker, if it wants one.</summary>
    public string? Password { get; set; }

    /// <summary>How long the broker keeps this silo's session (and its unacknowledged messages) after a disconnect.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many received messages are processed at once; the broker's in-flight window is set to match.</summary>
    public int MaxConcurrentMessages { get; set; } = 64;

    /// <summary>The pause between reconnection attempts.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}
