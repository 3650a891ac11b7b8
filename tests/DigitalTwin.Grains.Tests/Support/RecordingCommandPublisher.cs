using System.Collections.Concurrent;
using DigitalTwin.Abstractions.Commands;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>A command channel that keeps what it is given, or fails when told to.</summary>
public sealed class RecordingCommandPublisher : IDeviceCommandPublisher
{
    /// <summary>Published commands, in order.</summary>
    public ConcurrentQueue<DeviceCommand> Published { get; } = new();

    /// <summary>When set, publishing throws this message.</summary>
    public string? Failure { get; set; }

    /// <inheritdoc />
    public Task PublishAsync(DeviceCommand command, CancellationToken cancellationToken = default)
    {
        if (Failure is { } failure) throw new InvalidOperationException(failure);
        Published.Enqueue(command);
        return Task.CompletedTask;
    }
}
