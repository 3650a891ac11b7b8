using MQTTnet.Server;

namespace DigitalTwin.Ingestion.Configuration;

/// <summary>The <c>DigitalTwin:Mqtt:Broker</c> section: the MQTT broker that runs inside the silo.</summary>
public sealed class EmbeddedBrokerOptions
{
    /// <summary>Whether the silo runs its own broker. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The TCP port; 1883 by default.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>The address to listen on; all interfaces by default.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// How many messages may wait for one subscriber before the broker drops some. MQTTnet's default of 250 drops
    /// silently under load; every drop is counted here (<c>queue_drops</c>).
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 10_000;

    /// <summary>Which message the broker drops when a subscriber's queue is full.</summary>
    public MqttPendingMessagesOverflowStrategy OverflowStrategy { get; set; } = MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage;

    /// <summary>Pending TCP connections the listener accepts before refusing.</summary>
    public int ConnectionBacklog { get; set; } = 512;
}
