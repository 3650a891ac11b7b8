using DigitalTwin.Evaluation.Nab;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Models.Tests.Nab;

/// <summary>The acceptance: the twins' default detector, streamed over the whole NAB corpus, beats Skyline.</summary>
public class DefaultDetectorOnNabTests
{
    [Fact]
    public void Default_detector_scores_at_least_60_standard_on_the_NAB_corpus()
    {
        var corpus = NabCorpus.Load(NabReferenceData.Root);

        var files = NabBenchmark.Run(corpus, AnomalyDetectors.CreateDefault);
        var standard = NabThresholdOptimiser.Optimise(files, NabProfile.Standard);

        Assert.Equal(58, files.Count);
        Assert.Equal(365_558, files.Sum(f => f.Labels.RowCount));
        Assert.True(standard.NormalisedScore >= 60, $"standard = {standard.NormalisedScore:F2}");
        Assert.All(files.SelectMany(f => f.AnomalyScores), s => Assert.InRange(s, 0.0, 1.0));
    }
}
