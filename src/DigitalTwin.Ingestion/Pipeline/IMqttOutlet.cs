using MQTTnet;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>A way for the silo to publish (commands, dead letters): the embedded broker or the external-broker client.</summary>
public interface IMqttOutlet
{
    /// <summary>Whether the outlet can publish now (started, connected).</summary>
    bool IsAvailable { get; }

    /// <summary>Publishes a message; returns when the broker has it.</summary>
    Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken);
}
