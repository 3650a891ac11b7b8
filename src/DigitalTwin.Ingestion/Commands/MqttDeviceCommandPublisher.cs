using System.Text.Json;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Ingestion.Diagnostics;
using DigitalTwin.Ingestion.Pipeline;
using MQTTnet;
using MQTTnet.Protocol;

namespace DigitalTwin.Ingestion.Commands;

/// <summary>
/// Sends twin commands to devices as JSON on <c>dt/commands/&lt;twinId&gt;</c> at QoS 1, through the embedded broker
/// and, when configured, the external one. Devices answer on <c>dt/commands/&lt;twinId&gt;/ack</c>.
/// </summary>
public sealed class MqttDeviceCommandPublisher(MqttOutlets outlets, IngestionStatistics statistics) : IDeviceCommandPublisher
{
    /// <inheritdoc />
    public async Task PublishAsync(DeviceCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new DeviceCommandMessage(command.CommandId, command.TwinId, command.Name, command.Arguments, command.IssuedAt));
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(TelemetryTopic.CommandTopic(command.TwinId))
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        if (!await outlets.PublishAsync(message, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("No MQTT broker is available to publish the command to.");
        }
        statistics.CommandPublished();
    }
}
