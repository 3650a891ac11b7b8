using System.Collections.Concurrent;
using DigitalTwin.Abstractions.Commands;
using DigitalTwin.Abstractions.Grains;

namespace DigitalTwin.Grains.Tests.Cooling;

/// <summary>How a fake CRAC answers commands.</summary>
public enum DeviceAnswer
{
    /// <summary>Applies the command and acknowledges it.</summary>
    Apply,
    /// <summary>Refuses it (as a device does with a value outside its range).</summary>
    Refuse,
    /// <summary>Never answers (a unit that is down or cut off).</summary>
    Silent,
}

/// <summary>
/// The devices behind the CRAC twins: every command the twins publish arrives here, and each device answers on the
/// twin's acknowledgement path (<see cref="IAssetGrain.AcknowledgeCommandAsync"/>), as the MQTT ingestion does.
/// </summary>
public sealed class CracDevices : IDeviceCommandPublisher
{
    /// <summary>Every command received, in order.</summary>
    public ConcurrentQueue<DeviceCommand> Received { get; } = new();

    /// <summary>How each device answers (default: applies).</summary>
    public ConcurrentDictionary<string, DeviceAnswer> Answers { get; } = new();

    /// <summary>The cluster's grains, set when the silo builds the channel.</summary>
    public IGrainFactory? Grains { get; set; }

    /// <summary>The commands one device received, in order.</summary>
    public IReadOnlyList<DeviceCommand> To(string twinId) => Received.Where(c => c.TwinId == twinId).ToArray();

    /// <inheritdoc />
    public Task PublishAsync(DeviceCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command);
        var answer = Answers.GetValueOrDefault(command.TwinId, DeviceAnswer.Apply);
        if (answer == DeviceAnswer.Silent) return Task.CompletedTask;
        _ = Task.Run(async () =>
        {
            await Task.Delay(20);
            await Grains!.GetGrain<IAssetGrain>(command.TwinId).AcknowledgeCommandAsync(command.CommandId,
                answer == DeviceAnswer.Apply, answer == DeviceAnswer.Apply ? "applied" : "value outside the unit's range");
        });
        return Task.CompletedTask;
    }
}
