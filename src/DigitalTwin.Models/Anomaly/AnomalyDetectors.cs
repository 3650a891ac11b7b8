namespace DigitalTwin.Models.Anomaly;

/// <summary>The detectors the twins use, with settings measured on the Numenta Anomaly Benchmark.</summary>
public static class AnomalyDetectors
{
    /// <summary>
    /// The alarm threshold of the default detector, fixed before scoring (not optimised on NAB): a score at or above
    /// it sets <see cref="AnomalyScore.IsAnomaly"/>.
    /// </summary>
    public const double DefaultAlarmThreshold = 0.75;

    /// <summary>A new detector for one metric with the project's default settings.</summary>
    public static IStreamingAnomalyDetector CreateDefault() =>
        new SequenceNoveltyDetector(new SequenceNoveltyOptions { AlarmThreshold = DefaultAlarmThreshold });
}
