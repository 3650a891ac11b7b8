namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// A detector that reads one metric's values in time order, one at a time, with no look-ahead and bounded memory,
/// and scores each value as it arrives. One instance per metric per twin.
/// </summary>
public interface IStreamingAnomalyDetector
{
    /// <summary>Scores <paramref name="value"/> measured at <paramref name="timestamp"/> and learns from it.</summary>
    AnomalyScore Observe(DateTimeOffset timestamp, double value);
}

/// <summary>
/// A detector's verdict on one value: <see cref="Score"/> in [0, 1], the baseline the value was compared with,
/// and whether the score crossed the detector's threshold (<see cref="IsAnomaly"/>).
/// </summary>
public readonly record struct AnomalyScore(double Score, double Baseline, bool IsAnomaly);
