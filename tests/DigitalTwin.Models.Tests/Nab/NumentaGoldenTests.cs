using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

/// <summary>
/// The Numenta HTM detector's published per-row output: scored at NAB's published thresholds it must give the
/// scoreboard's figures, and the exact optimiser must do at least as well as NAB's own.
/// </summary>
public class NumentaGoldenTests
{
    private static readonly Lazy<IReadOnlyList<NabScoredFile>> Files = new(() =>
    {
        var root = NabReferenceData.Root;
        var results = NabResultsFolder.Read(NabResultsFolder.ResolveDetectorFolder(Path.Combine(root, "results", "numenta")));
        return NabBenchmark.FromResults(results, NabLabels.LoadWindows(NabCorpus.WindowsPath(root)));
    });

    [Fact]
    public void Numenta_results_at_published_thresholds_score_as_published()
    {
        var thresholds = NabThresholds.Load(Path.Combine(NabReferenceData.Root, "config", "thresholds.json"), "numenta");

        var scores = NabProfile.All.ToDictionary(p => p.Name, p => NabScorer.Score(Files.Value, p, thresholds[p.Name]));

        Assert.Equal(58, Files.Value.Count);
        Assert.Equal(116, scores["standard"].WindowCount);
        Assert.Equal(70.10, Math.Round(scores["standard"].NormalisedScore, 2));
        Assert.Equal(63.12, Math.Round(scores["reward_low_FP_rate"].NormalisedScore, 2));
        Assert.Equal(74.32, Math.Round(scores["reward_low_FN_rate"].NormalisedScore, 2));
    }

    [Fact]
    public void Numenta_results_at_optimised_thresholds_reach_at_least_NAB_own_optimiser()
    {
        var scores = NabBenchmark.Optimise(Files.Value).ToDictionary(r => r.Profile.Name);

        Assert.True(Math.Round(scores["standard"].NormalisedScore, 2) >= 70.10, $"{scores["standard"].NormalisedScore}");
        Assert.True(Math.Round(scores["reward_low_FP_rate"].NormalisedScore, 2) >= 63.21, $"{scores["reward_low_FP_rate"].NormalisedScore}");
        Assert.True(Math.Round(scores["reward_low_FN_rate"].NormalisedScore, 2) >= 74.32, $"{scores["reward_low_FN_rate"].NormalisedScore}");
    }

    [Fact]
    public void Published_thresholds_file_raw_scores_match_the_scorer()
    {
        // thresholds.json also records the raw score NAB computed at each threshold.
        var thresholds = NabThresholds.Load(Path.Combine(NabReferenceData.Root, "config", "thresholds.json"), "numenta");

        var standard = NabScorer.Score(Files.Value, NabProfile.Standard, thresholds["standard"]);

        Assert.Equal(46.634450197137596, standard.RawScore, 6);
    }
}
