namespace DigitalTwin.Grains.Cooling;

/// <summary>A set of commands sent together, whose acknowledgements are awaited until a wall-clock deadline.</summary>
[GenerateSerializer]
public sealed class CommandRound
{
    /// <summary>Why it went out.</summary>
    [Id(0)] public RoundPurpose Purpose { get; set; }

    /// <summary>When unanswered commands are given up on (wall clock).</summary>
    [Id(1)] public DateTimeOffset Deadline { get; set; }

    /// <summary>The commands.</summary>
    [Id(2)] public List<RoundCommand> Commands { get; set; } = [];
}
