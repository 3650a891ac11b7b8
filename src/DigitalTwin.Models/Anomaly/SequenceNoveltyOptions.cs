namespace DigitalTwin.Models.Anomaly;

/// <summary>Settings of <see cref="SequenceNoveltyDetector"/>; the defaults are the ones scored on NAB.</summary>
public sealed record SequenceNoveltyOptions
{
    /// <summary>Readings used to learn the value range before scoring starts (also the replay buffer's size).</summary>
    public int WarmupReadings { get; init; } = 150;

    /// <summary>Value levels the warm-up range is cut into; values beyond it fall into further levels of the same width.</summary>
    public int Levels { get; init; } = 8;

    /// <summary>Longest context (previous levels) whose continuation is checked for novelty.</summary>
    public int MaxOrder { get; init; } = 4;

    /// <summary>log2 of the pattern table's slots; fixes the detector's memory.</summary>
    public int MemoryPower { get; init; } = 14;

    /// <summary>A raw novelty at or above this starts a rest period.</summary>
    public double RestTrigger { get; init; } = 0.75;

    /// <summary>Readings after a high novelty during which the score is held at 0, so one event raises one alarm.</summary>
    public int RestReadings { get; init; } = 100;

    /// <summary>Scores at or above this set <see cref="AnomalyScore.IsAnomaly"/>.</summary>
    public double AlarmThreshold { get; init; } = 0.5;
}
