using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Models.Tests.Cmapss;

public class RemainingLifeScoreTests
{
    [Fact]
    public void Rmse_is_the_root_of_the_mean_squared_error()
    {
        // Errors 0, 0, -2, 4: mean square (0 + 0 + 4 + 16) / 4 = 5.
        var rmse = RemainingLifeScore.Rmse([10, 20, 28, 44], [10, 20, 30, 40]);
        Assert.Equal(Math.Sqrt(5), rmse, 12);
    }

    [Fact]
    public void Nasa_score_punishes_late_predictions_harder_than_early_ones()
    {
        // 13 cycles early costs e - 1; 10 cycles late costs e - 1 too: lateness is dearer per cycle.
        Assert.Equal(Math.E - 1, RemainingLifeScore.NasaPenalty(-13), 12);
        Assert.Equal(Math.E - 1, RemainingLifeScore.NasaPenalty(10), 12);
        Assert.True(RemainingLifeScore.NasaPenalty(20) > RemainingLifeScore.NasaPenalty(-20));
        Assert.Equal(0, RemainingLifeScore.NasaPenalty(0));
    }

    [Fact]
    public void Nasa_score_sums_the_penalties_of_every_unit()
    {
        var score = RemainingLifeScore.NasaScore([50, 87, 110], [50, 100, 100]);
        var expected = 0 + (Math.Exp(13.0 / 13) - 1) + (Math.Exp(10.0 / 10) - 1);
        Assert.Equal(expected, score, 12);
    }

    [Fact]
    public void Scores_refuse_mismatched_or_empty_inputs()
    {
        Assert.Throws<ArgumentException>(() => RemainingLifeScore.Rmse([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => RemainingLifeScore.NasaScore([], []));
    }
}
