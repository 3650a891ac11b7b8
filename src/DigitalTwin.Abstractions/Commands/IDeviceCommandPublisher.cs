namespace DigitalTwin.Abstractions.Commands;

/// <summary>
/// The way out to devices, implemented by the ingestion layer (MQTT) and injected into asset twins, so that twins
/// never depend on a transport.
/// </summary>
public interface IDeviceCommandPublisher
{
    /// <summary>Publishes the command on its device's command topic; returns when the broker has it.</summary>
    Task PublishAsync(DeviceCommand command, CancellationToken cancellationToken = default);
}
