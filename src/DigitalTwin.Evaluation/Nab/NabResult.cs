namespace DigitalTwin.Evaluation.Nab;

/// <summary>A detector's NAB score over a set of files for one profile at one threshold.</summary>
/// <param name="Profile">The profile the score was computed under.</param>
/// <param name="Threshold">Rows scoring at or above it are detections.</param>
/// <param name="RawScore">S: the sum of all files' scores.</param>
/// <param name="WindowCount">Windows that count (at least one row after the probationary period).</param>
/// <param name="DetectedWindows">Windows with at least one detection (true positives).</param>
/// <param name="FalsePositives">Detections outside every window, after the probationary period.</param>
public sealed record NabResult(NabProfile Profile, double Threshold, double RawScore, int WindowCount, int DetectedWindows, int FalsePositives)
{
    /// <summary>The normalised score: 0 for a detector that never fires, 100 for a perfect one.</summary>
    public double NormalisedScore => Profile.Normalise(RawScore, WindowCount);

    /// <summary>Windows without a detection (false negatives).</summary>
    public int MissedWindows => WindowCount - DetectedWindows;
}
