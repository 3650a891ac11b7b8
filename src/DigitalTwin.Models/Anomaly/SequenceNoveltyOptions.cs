namespace DigitalTwin.Models.Anomaly;

/// <summary>Settings of <see cref="SequenceNoveltyDetector"/>; the defaults are the ones scored on NAB.</summary>
public sealed record SequenceNoveltyOptions
{
    /// <summary>Readings used to learn the value range before scoring starts (also the replay buffer's size).</summary>
    public int WarmupReadings { get; init; } = 150;

    /// <summary>
    /// The views of the value: for each, how many levels the warm-up range is cut into (values beyond it fall into
    /// further levels of the same width). Coarse views see big moves, fine views small ones.
    /// </summary>
    public IReadOnlyList<int> Resolutions { get; init; } = [4, 8, 16];

    /// <summary>Levels of a view that pairs the value's level with the time of day (0 turns it off).</summary>
    public int TimeOfDayLevels { get; init; } = 0;

    /// <summary>Parts the day is cut into for the time-of-day view.</summary>
    public int TimeOfDayBuckets { get; init; } = 24;

    /// <summary>Levels of a view of the change from the previous value (0 turns it off).</summary>
    public int DeltaLevels { get; init; } = 8;

    /// <summary>How far (in level widths) a value may stray past its previous level and keep it.</summary>
    public double Hysteresis { get; init; } = 0.2;

    /// <summary>Levels per doubling of the distance beyond the warm-up range (0: linear levels beyond it too).</summary>
    public double OctaveLevels { get; init; } = 6;

    /// <summary>Longest context (previous levels) whose continuation is checked for novelty.</summary>
    public int MaxOrder { get; init; } = 2;

    /// <summary>Readings over which the rate of each kind of novelty is averaged (older readings fade).</summary>
    public double RateHorizon { get; init; } = 2000;

    /// <summary>Prior readings behind each novelty rate, at <see cref="PriorRate"/>.</summary>
    public double PriorReadings { get; init; } = 50;

    /// <summary>The novelty rate assumed before any is measured.</summary>
    public double PriorRate { get; init; } = 0.01;

    /// <summary>Add the surprises of all novelties (true) or take the largest (false).</summary>
    public bool SumSurprise { get; init; } = true;

    /// <summary>Surprise (nats) at which the score reaches 0.5.</summary>
    public double SurpriseScale { get; init; } = 10;

    /// <summary>log2 of the pattern table's slots; fixes the detector's memory.</summary>
    public int MemoryPower { get; init; } = 12;

    /// <summary>A score at or above this starts a rest period.</summary>
    public double RestTrigger { get; init; } = 0.5;

    /// <summary>Readings after a high score during which the score is held at 0, so one event raises one alarm.</summary>
    public int RestReadings { get; init; } = 100;

    /// <summary>
    /// When above 0: instead of a rest period, a score is reported only when it beats the recent peak, which fades
    /// by this factor per reading.
    /// </summary>
    public double PeakDecay { get; init; } = 0.99;

    /// <summary>Scores at or above this set <see cref="AnomalyScore.IsAnomaly"/>.</summary>
    public double AlarmThreshold { get; init; } = AnomalyDetectors.DefaultAlarmThreshold;
}
