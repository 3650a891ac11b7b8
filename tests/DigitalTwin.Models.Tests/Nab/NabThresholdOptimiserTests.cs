using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

public class NabThresholdOptimiserTests
{
    [Fact]
    public void Optimiser_matches_the_best_of_every_candidate_threshold()
    {
        var random = new Random(7);
        var files = Enumerable.Range(0, 6).Select(f => RandomFile(random, f)).ToList();
        var candidates = files.SelectMany(f => f.AnomalyScores).Distinct().Append(2.0).ToList();

        foreach (var profile in NabProfile.All)
        {
            var bruteForce = candidates.Max(t => NabScorer.Score(files, profile, t).RawScore);

            var optimised = NabThresholdOptimiser.Optimise(files, profile);

            Assert.Equal(bruteForce, optimised.RawScore, 9);
            Assert.Equal(optimised.RawScore, NabScorer.Score(files, profile, optimised.Threshold).RawScore, 9);
        }
    }

    [Fact]
    public void Optimiser_chooses_no_detection_when_every_detection_loses()
    {
        // Only false positives far from the window: firing never pays.
        var file = HandBuiltFile.Create(1000, [(500, 599)], 300, 310, 320);

        var result = NabThresholdOptimiser.Optimise([file], NabProfile.Standard);

        Assert.Equal(-1.0, result.RawScore, 12);
        Assert.Equal(0, result.FalsePositives);
    }

    private static NabScoredFile RandomFile(Random random, int index)
    {
        const int rows = 1200;
        var timestamps = Enumerable.Range(0, rows).Select(i => HandBuiltFile.Start.AddMinutes(i)).ToArray();
        var windows = new List<NabWindow>
        {
            new(timestamps[300 + 20 * index], timestamps[360 + 20 * index]),
            new(timestamps[800], timestamps[900]),
        };
        // Coarse scores so that many rows tie, as real detectors' outputs do.
        var scores = Enumerable.Range(0, rows).Select(_ => Math.Round(Math.Pow(random.NextDouble(), 8), 2)).ToArray();
        return NabScoredFile.Create($"random/file{index}.csv", NabRowLabels.Build(timestamps, windows, "random"), scores);
    }
}
