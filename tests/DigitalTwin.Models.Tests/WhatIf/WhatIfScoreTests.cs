using DigitalTwin.Evaluation.WhatIf;

namespace DigitalTwin.Models.Tests.WhatIf;

public sealed class WhatIfScoreTests
{
    // Truth every 5 s: rack r1 warms 0.1 °C/s from 25 °C and crosses 32 °C at 70 s; rack r2 stays at 24 °C.
    private static List<ObservedInlets> Truth() => Enumerable.Range(0, 61).Select(k => new ObservedInlets(k * 5.0,
        new Dictionary<string, double> { ["r1"] = 25 + 0.1 * k * 5, ["r2"] = 24 })).ToList();

    [Fact]
    public void Times_to_limit_and_inlet_error_are_measured_against_the_truth_on_the_prediction_grid()
    {
        // Predicted: r1 one kelvin hot throughout, so it crosses 10 s early; r2 exact.
        var predicted = new List<PredictedRack>
        {
            new("r1", 32, 60, Enumerable.Range(0, 31).Select(k => 26 + 0.1 * k * 10).ToList()),
            new("r2", 32, null, Enumerable.Repeat(24.0, 31).ToList()),
        };

        var score = WhatIfScore.Compare(predicted, Truth(), stepS: 10, horizonS: 300);

        Assert.Equal(60, score.PredictedS);
        Assert.Equal(70, score.ActualS!.Value, 6);
        Assert.Equal("r1", score.ActualRackId);
        Assert.Equal(100 * (60 - 70) / 70.0, score.ErrorPct, 6);
        Assert.Equal(0.5, score.InletMaeC, 6);
        Assert.Equal(62, score.Samples);
    }

    [Fact]
    public void A_crossing_on_one_side_only_is_a_whole_miss_and_none_on_both_is_no_error()
    {
        var cool = new List<PredictedRack> { new("r1", 60, null, Enumerable.Repeat(25.0, 31).ToList()) };
        var missed = new List<PredictedRack> { new("r1", 32, null, Enumerable.Repeat(25.0, 31).ToList()) };

        Assert.Equal(0, WhatIfScore.Compare(cool, Truth(), 10, 300).ErrorPct);
        Assert.Equal(WhatIfScore.MissPct, WhatIfScore.Compare(missed, Truth(), 10, 300).ErrorPct);
    }
}
