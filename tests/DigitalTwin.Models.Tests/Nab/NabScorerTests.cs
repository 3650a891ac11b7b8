using DigitalTwin.Evaluation.Nab;

namespace DigitalTwin.Models.Tests.Nab;

public class NabScorerTests
{
    // 1000 rows: the probationary period is the first 150; one window of 100 rows at 500..599.
    private static readonly (int, int)[] OneWindow = [(500, 599)];

    private static double Standard(NabScoredFile file) => NabScorer.Score([file], NabProfile.Standard, 0.5).RawScore;

    [Fact]
    public void Probationary_period_is_ignored()
    {
        var file = HandBuiltFile.Create(1000, OneWindow, 0, 10, 149);

        var result = NabScorer.Score([file], NabProfile.Standard, 0.5);

        Assert.Equal(150, file.Labels.ProbationLength);
        Assert.Equal(0, result.FalsePositives);
        Assert.Equal(-1.0, result.RawScore, 12);
    }

    [Fact]
    public void Probationary_period_is_capped_at_750_rows()
    {
        Assert.Equal(750, NabRowLabels.ProbationLengthFor(10_000));
        Assert.Equal(150, NabRowLabels.ProbationLengthFor(1000));
        Assert.Equal(149, NabRowLabels.ProbationLengthFor(999));
    }

    [Fact]
    public void Detection_at_the_first_row_of_a_window_earns_exactly_the_true_positive_weight()
    {
        Assert.Equal(1.0, Standard(HandBuiltFile.Create(1000, OneWindow, 500)), 12);
    }

    [Fact]
    public void Several_detections_in_one_window_count_once_and_the_earliest_wins()
    {
        var several = HandBuiltFile.Create(1000, OneWindow, 590, 520, 530);
        var expected = HandBuiltFile.Sigma(-(599 - 520 + 1) / 100.0) / HandBuiltFile.Sigma(-1);

        var result = NabScorer.Score([several], NabProfile.Standard, 0.5);

        Assert.Equal(expected, result.RawScore, 12);
        Assert.Equal(1, result.DetectedWindows);
        Assert.Equal(0, result.FalsePositives);
        Assert.True(result.RawScore > Standard(HandBuiltFile.Create(1000, OneWindow, 530)));
    }

    [Fact]
    public void Detection_at_the_last_row_of_a_window_earns_little()
    {
        var late = Standard(HandBuiltFile.Create(1000, OneWindow, 599));

        Assert.Equal(HandBuiltFile.Sigma(-0.01) / HandBuiltFile.Sigma(-1), late, 12);
        Assert.InRange(late, 0, 0.05);
    }

    [Fact]
    public void False_positive_before_any_window_costs_the_full_false_positive_weight()
    {
        var file = HandBuiltFile.Create(1000, OneWindow, 300);

        Assert.Equal(-1.0 - 0.11, Standard(file), 12);
        Assert.Equal(-1.0 - 0.22, NabScorer.Score([file], NabProfile.RewardLowFalsePositiveRate, 0.5).RawScore, 12);
    }

    [Fact]
    public void False_positive_just_after_a_window_costs_almost_nothing()
    {
        var withWindow = Standard(HandBuiltFile.Create(1000, OneWindow, 500));
        var withLateFalsePositive = Standard(HandBuiltFile.Create(1000, OneWindow, 500, 600));
        var cost = withLateFalsePositive - withWindow;

        Assert.Equal(0.11 * HandBuiltFile.Sigma(1 / 99.0), cost, 12);
        Assert.InRange(cost, -0.005, 0);
    }

    [Fact]
    public void False_positive_far_after_a_window_costs_the_full_false_positive_weight()
    {
        var cost = Standard(HandBuiltFile.Create(1000, OneWindow, 500, 950)) - Standard(HandBuiltFile.Create(1000, OneWindow, 500));

        Assert.Equal(-0.11, cost, 12);
    }

    [Fact]
    public void False_positives_are_weighed_against_the_last_window_that_ended()
    {
        // Windows 200..249 (50 rows) and 500..599 (100 rows); a detection at 650 is 50 rows after the second.
        var file = HandBuiltFile.Create(1000, [(200, 249), (500, 599)], 200, 500, 650);

        Assert.Equal(2.0 + 0.11 * HandBuiltFile.Sigma(51 / 99.0), Standard(file), 12);
    }

    [Fact]
    public void Missed_window_costs_the_profile_false_negative_weight()
    {
        var file = HandBuiltFile.Create(1000, OneWindow);

        Assert.Equal(-1.0, Standard(file), 12);
        Assert.Equal(-2.0, NabScorer.Score([file], NabProfile.RewardLowFalseNegativeRate, 0.5).RawScore, 12);
    }

    [Fact]
    public void Null_detector_normalises_to_zero_and_perfect_detector_to_one_hundred()
    {
        var windows = new[] { (200, 249), (500, 599), (800, 899) };
        var silent = HandBuiltFile.Create(1000, windows);
        var perfect = HandBuiltFile.Create(1000, windows, 200, 500, 800);

        foreach (var profile in NabProfile.All)
        {
            Assert.Equal(0.0, NabScorer.Score([silent], profile, 0.5).NormalisedScore, 9);
            Assert.Equal(100.0, NabScorer.Score([perfect], profile, 0.5).NormalisedScore, 9);
        }
    }

    [Fact]
    public void A_row_is_a_detection_when_its_score_reaches_the_threshold()
    {
        var file = HandBuiltFile.Create(1000, OneWindow, 500);

        Assert.Equal(1, NabScorer.Score([file], NabProfile.Standard, 1.0).DetectedWindows);
        Assert.Equal(0, NabScorer.Score([file], NabProfile.Standard, Math.BitIncrement(1.0)).DetectedWindows);
    }

    [Fact]
    public void Window_that_does_not_start_on_a_row_is_refused()
    {
        var timestamps = Enumerable.Range(0, 100).Select(i => HandBuiltFile.Start.AddMinutes(i)).ToArray();
        var offGrid = new NabWindow(HandBuiltFile.Start.AddSeconds(30), timestamps[50]);

        Assert.Throws<InvalidDataException>(() => NabRowLabels.Build(timestamps, [offGrid], "off/grid.csv"));
    }
}
