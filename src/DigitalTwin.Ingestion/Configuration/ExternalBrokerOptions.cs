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
    /// with its unacknowledged messages, under it) and different between silos. Defaults to <c>dt-silo-&lt;machine&gt;</c>.
    /// </summary>
    public string? ClientId { get; set; }

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
