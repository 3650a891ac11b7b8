using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Evaluation.Nab;

/// <summary>Turns a detector, or a folder of another detector's results, into scored NAB files.</summary>
public static class NabBenchmark
{
    /// <summary>
    /// Streams every file of <paramref name="corpus"/> through a fresh detector, row by row in time order, and
    /// keeps each row's score. Files run in parallel; each detector sees only its own file, one value at a time.
    /// </summary>
    public static IReadOnlyList<NabScoredFile> Run(NabCorpus corpus, Func<IStreamingAnomalyDetector> createDetector)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(createDetector);
        var scored = new NabScoredFile[corpus.Files.Count];
        Parallel.For(0, corpus.Files.Count, f =>
        {
            var series = corpus.Files[f];
            var detector = createDetector();
            var scores = new double[series.Values.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = detector.Observe(new DateTimeOffset(series.Timestamps[i], TimeSpan.Zero), series.Values[i]).Score;
            }

            var labels = NabRowLabels.Build(series.Timestamps, corpus.Windows[series.RelativePath], series.RelativePath);
            scored[f] = NabScoredFile.Create(series.RelativePath, labels, scores);
        });
        return scored;
    }

    /// <summary>Pairs a detector's results files with the windows of the files they score.</summary>
    public static IReadOnlyList<NabScoredFile> FromResults(
        IReadOnlyList<(string RelativePath, DateTime[] Timestamps, double[] AnomalyScores)> results,
        IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> windows)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(windows);
        var scored = new List<NabScoredFile>(results.Count);
        foreach (var (relativePath, timestamps, scores) in results)
        {
            if (!windows.TryGetValue(relativePath, out var fileWindows))
            {
                throw new InvalidDataException($"the windows file has no entry for {relativePath}.");
            }

            scored.Add(NabScoredFile.Create(relativePath, NabRowLabels.Build(timestamps, fileWindows, relativePath), scores));
        }

        return scored;
    }

    /// <summary>Scores at the optimised threshold of every profile.</summary>
    public static IReadOnlyList<NabResult> Optimise(IReadOnlyList<NabScoredFile> files) =>
        NabProfile.All.Select(p => NabThresholdOptimiser.Optimise(files, p)).ToList();

    /// <summary>Scores every profile at one threshold fixed in advance.</summary>
    public static IReadOnlyList<NabResult> ScoreAt(IReadOnlyList<NabScoredFile> files, double threshold) =>
        NabProfile.All.Select(p => NabScorer.Score(files, p, threshold)).ToList();

    /// <summary>One scoreboard line: <c>&lt;label&gt; standard=x reward_low_FP_rate=y reward_low_FN_rate=z</c>, two decimals.</summary>
    public static string FormatLine(string label, IReadOnlyList<NabResult> results) =>
        label + string.Concat(results.Select(r => FormattableString.Invariant($" {r.Profile.Name}={r.NormalisedScore:F2}")));
}
