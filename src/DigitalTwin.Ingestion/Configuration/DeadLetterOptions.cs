namespace DigitalTwin.Ingestion.Configuration;

/// <summary>
/// The <c>DigitalTwin:Mqtt:DeadLetter</c> section: refused messages are republished on
/// <c>dt/deadletter/&lt;reason&gt;</c> with the reason, the original topic and a truncated payload.
/// </summary>
public sealed class DeadLetterOptions
{
    /// <summary>Whether refused messages are republished. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many dead letters may wait to be published. When a flood of bad input fills it, further dead letters are
    /// dropped and counted (<c>dead_letters_dropped</c>) rather than held in memory.
    /// </summary>
    public int Capacity { get; set; } = 1_000;

    /// <summary>How much of the original payload a dead letter carries, in bytes.</summary>
    public int MaxPayloadBytes { get; set; } = 1_024;
}
