namespace DigitalTwin.Abstractions.Commands;

/// <summary>
/// A command from a twin to its physical device, for example a CRAC setpoint
/// (<c>Name = "set_setpoint"</c>, <c>Arguments = { setpoint_c: 22 }</c>). It is published on the device's command
/// topic; the device answers on the acknowledgement topic with the same <see cref="CommandId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.DeviceCommand")]
public sealed record DeviceCommand(
    [property: Id(0)] string CommandId,
    [property: Id(1)] string TwinId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyDictionary<string, double> Arguments,
    [property: Id(4)] DateTimeOffset IssuedAt);

/// <summary>Where a command stands.</summary>
public enum CommandState
{
    /// <summary>Issued by the twin, not yet handed to a broker.</summary>
    Pending = 0,
    /// <summary>Published to the device's command topic.</summary>
    Sent = 1,
    /// <summary>The device acknowledged and applied it.</summary>
    Acknowledged = 2,
    /// <summary>The device refused it, or it could not be published.</summary>
    Rejected = 3,
}

/// <summary>A command and its state.</summary>
[GenerateSerializer, Immutable, Alias("dt.CommandStatus")]
public sealed record CommandStatus(
    [property: Id(0)] DeviceCommand Command,
    [property: Id(1)] CommandState State,
    [property: Id(2)] DateTimeOffset? UpdatedAt,
    [property: Id(3)] string? Detail);
