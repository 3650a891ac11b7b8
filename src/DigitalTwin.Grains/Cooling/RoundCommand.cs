using DigitalTwin.Abstractions.Commands;

namespace DigitalTwin.Grains.Cooling;

/// <summary>One command of a round, and what became of it.</summary>
[GenerateSerializer]
public sealed class RoundCommand
{
    /// <summary>The CRAC it went to.</summary>
    [Id(0)] public string CracId { get; set; } = "";

    /// <summary>The command's id on the CRAC twin.</summary>
    [Id(1)] public string CommandId { get; set; } = "";

    /// <summary>The command (<c>set_setpoint</c> or <c>set_fan_speed</c>).</summary>
    [Id(2)] public string Name { get; set; } = "";

    /// <summary>Its argument's name (<c>setpoint_c</c> or <c>fan_pct</c>).</summary>
    [Id(3)] public string Argument { get; set; } = "";

    /// <summary>The value sent.</summary>
    [Id(4)] public double Value { get; set; }

    /// <summary>The value before, to revert to.</summary>
    [Id(5)] public double Previous { get; set; }

    /// <summary>Sent, Acknowledged or Rejected.</summary>
    [Id(6)] public CommandState State { get; set; }

    /// <summary>True once the device's silence was recorded as no answer.</summary>
    [Id(7)] public bool TimedOut { get; set; }

    /// <summary>Whether the command is settled: answered either way, or given up on.</summary>
    public bool Settled => State is CommandState.Acknowledged or CommandState.Rejected || TimedOut;
}
