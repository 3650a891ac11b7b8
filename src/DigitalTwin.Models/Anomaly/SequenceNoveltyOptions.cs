namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// Settings of <see cref="SequenceNoveltyDetector"/>. The defaults were chosen on the Numenta Anomaly Benchmark
/// (the same settings for every file) and are what <see cref="AnomalyDetectors.CreateDefault"/> uses.
/// </summary>
public sealed record SequenceNoveltyOptions
{
    /// <summary>Readings used to learn the value range before scoring starts (also the warm-up buffer's size).</summary>
    public int WarmupReadings { get; init; } = 150;

    /// <summary>
    /// The views of the value: for each, how many levels the warm-up range is cut into. Coarse views see big moves,
    /// fine views small ones.
    /// </summary>
    public IReadOnlyList<int> Resolutions { get; init; } = [4, 8, 16];

    /// <summary>Levels of a view of the change from the previous value (0 turns it off).</summary>
    public int DeltaLevels { get; init; } = 8;

    /// <summary>Longest context (previous levels) whose continuation is checked for novelty.</summary>
    public int MaxOrder { get; init; } = 2;

    /// <summary>How far (in level widths) a value may stray past its previous level's edges and keep that level.</summary>
    public double Hysteresis { get; init; } = 0.2;

    /// <summary>Levels per doubling of the distance beyond the warm-up range (0: levels keep their width beyond it).</summary>
    public double OctaveLevels { get; init; } = 6;

    /// <summary>Readings over which the rate of each kind of novelty is averaged (older readings fade).</summary>
    public double RateHorizon { get; init; } = 2000;

    /// <summary>Prior readings behind each novelty rate, at <see cref="PriorRate"/>.</summary>
    public double PriorReadings { get; init; } = 50;

    /// <summary>The novelty rate assumed before any is measured.</summary>
    public double PriorRate { get; init; } = 0.01;

    /// <summary>The lowest a novelty rate may fall, which caps the surprise of one novelty at -ln of it.</summary>
    public double RateFloor { get; init; } = 1e-4;

    /// <summary>Surprise (nats) at which the score reaches 0.5; the score is surprise / (surprise + scale).</summary>
    public double SurpriseScale { get; init; } = 10;

    /// <summary>
    /// A surprise is reported only when it beats the peak of earlier ones, which fades by this factor per reading,
    /// so one event raises one alarm rather than a burst.
    /// </summary>
    public double PeakDecay { get; init; } = 0.999;

    /// <summary>log2 of the pattern table's slots; fixes the detector's memory (8 bytes a slot).</summary>
    public int MemoryPower { get; init; } = 12;

    /// <summary>Scores at or above this set <see cref="AnomalyScore.IsAnomaly"/>.</summary>
    public double AlarmThreshold { get; init; } = AnomalyDetectors.DefaultAlarmThreshold;
}
