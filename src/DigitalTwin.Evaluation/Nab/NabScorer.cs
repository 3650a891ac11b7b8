namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// NAB's scoring rule: per window only the first detection counts, weighted by the scaled sigmoid of its position;
/// a window without detection costs A_FN; each detection outside the windows costs A_FP times the sigmoid of its
/// distance from the last window that ended; the probationary period is ignored.
/// </summary>
public static class NabScorer
{
    /// <summary>Scores <paramref name="files"/> at <paramref name="threshold"/> (a row is a detection when its score is at or above it).</summary>
    public static NabResult Score(IReadOnlyList<NabScoredFile> files, NabProfile profile, double threshold)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profile);
        double truePositiveSum = 0, falsePositiveSum = 0;
        int windows = 0, detected = 0, falsePositives = 0;
        foreach (var file in files)
        {
            var labels = file.Labels;
            var seen = new bool[labels.WindowCount];
            for (var i = labels.ProbationLength; i < labels.RowCount; i++)
            {
                if (!(file.AnomalyScores[i] >= threshold))
                {
                    continue;
                }

                var window = labels.WindowOf(i);
                if (window < 0)
                {
                    falsePositiveSum += labels.RewardAt(i);
                    falsePositives++;
                }
                else if (!seen[window])
                {
                    // Rows come in time order, so the first detection met is the earliest and the only one that counts.
                    seen[window] = true;
                    truePositiveSum += labels.RewardAt(i);
                    detected++;
                }
            }

            windows += labels.ScoredWindowCount;
        }

        var raw = profile.TruePositiveWeight * truePositiveSum
                  + profile.FalsePositiveWeight * falsePositiveSum
                  - profile.FalseNegativeWeight * (windows - detected);
        return new NabResult(profile, threshold, raw, windows, detected, falsePositives);
    }
}
