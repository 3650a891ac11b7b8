namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// Finds the threshold that maximises the corpus raw score exactly. The set of detections only changes at the
/// distinct score values, so every one of them is a candidate: rows are sorted by descending score and added one
/// group of equal scores at a time, keeping each window's earliest detection, and the total is read after each
/// group. That is O(n log n) and visits every threshold that could matter, so nothing can beat its optimum.
/// </summary>
public static class NabThresholdOptimiser
{
    /// <summary>The best threshold for <paramref name="profile"/> and the result it gives.</summary>
    public static NabResult Optimise(IReadOnlyList<NabScoredFile> files, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profile);
        var rowCount = files.Sum(f => Math.Max(0, f.Labels.RowCount - f.Labels.ProbationLength));
        var keys = new double[rowCount];
        var rows = new int[rowCount];
        var globalWindow = new int[rowCount];
        var reward = new double[rowCount];
        int next = 0, windowBase = 0, windowCount = 0;
        var maxScore = double.NegativeInfinity;
        foreach (var file in files)
        {
            var labels = file.Labels;
            for (var i = labels.ProbationLength; i < labels.RowCount; i++)
            {
                var score = file.AnomalyScores[i];
                if (double.IsNaN(score))
                {
                    continue;
                }

                // Sorted ascending on the negated score: highest scores first. The order within a group of equal
                // scores does not matter because each window keeps its best (earliest) detection.
                keys[next] = -score;
                rows[next] = next;
                var window = labels.WindowOf(i);
                globalWindow[next] = window < 0 ? -1 : windowBase + window;
                reward[next] = labels.RewardAt(i);
                maxScore = Math.Max(maxScore, score);
                next++;
            }

            windowBase += labels.WindowCount;
            windowCount += labels.ScoredWindowCount;
        }

        Array.Sort(keys, rows, 0, next);
        var best = new double[windowBase];
        Array.Fill(best, double.NaN);
        double truePositiveSum = 0, falsePositiveSum = 0;
        int detected = 0, falsePositives = 0;

        var bestResult = new NabResult(
            profile,
            double.IsNegativeInfinity(maxScore) ? 1.0 : Math.BitIncrement(maxScore),
            -profile.FalseNegativeWeight * windowCount,
            windowCount,
            0,
            0);
        var k = 0;
        while (k < next)
        {
            var groupKey = keys[k];
            for (; k < next && keys[k] == groupKey; k++)
            {
                var r = rows[k];
                var w = globalWindow[r];
                if (w < 0)
                {
                    falsePositiveSum += reward[r];
                    falsePositives++;
                }
                else if (double.IsNaN(best[w]))
                {
                    best[w] = reward[r];
                    truePositiveSum += reward[r];
                    detected++;
                }
                else if (reward[r] > best[w])
                {
                    truePositiveSum += reward[r] - best[w];
                    best[w] = reward[r];
                }
            }

            var raw = profile.TruePositiveWeight * truePositiveSum
                      + profile.FalsePositiveWeight * falsePositiveSum
                      - profile.FalseNegativeWeight * (windowCount - detected);
            if (raw > bestResult.RawScore)
            {
                bestResult = new NabResult(profile, -groupKey, raw, windowCount, detected, falsePositives);
            }
        }

        // Re-score at the chosen threshold with the direct rule so that the reported figures carry no drift from
        // the running sums.
        return NabScorer.Score(files, profile, bestResult.Threshold);
    }
}
