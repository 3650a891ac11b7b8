using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Evaluation.Cmapss;

/// <summary>
/// Cross-validation by engine: the model is trained on the other folds' engines, then predicts each held-out engine
/// at random cut points whose truth is known. This is the honest stand-in for the withheld test RULs.
/// </summary>
public static class CmapssValidation
{
    /// <summary>Runs the cross-validation and the mean-of-capped-targets baseline on the same cuts.</summary>
    public static CmapssValidationResult Run(IReadOnlyList<UnitHistory> runsToFailure, RemainingLifeOptions modelOptions, CmapssValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(runsToFailure);
        ArgumentNullException.ThrowIfNull(modelOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CutsPerEngine, 1);
        if (runsToFailure.Count < options.Folds)
            throw new ArgumentException($"{runsToFailure.Count} engines cannot fill {options.Folds} folds.", nameof(runsToFailure));

        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, runsToFailure.Count).ToArray();
        random.Shuffle(order);
        var cuts = DrawCuts(runsToFailure, options, random);

        var predicted = new List<double>();
        var baseline = new List<double>();
        var actual = new List<double>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var heldOut = order.Where((_, position) => position % options.Folds == fold).ToArray();
            var training = order.Where((_, position) => position % options.Folds != fold).Select(i => runsToFailure[i]).ToArray();
            var model = RemainingLifeModel.Train(training, modelOptions);
            var meanCapped = MeanCappedTarget(training, modelOptions.RulCap);
            foreach (var engine in heldOut)
            {
                var run = runsToFailure[engine];
                foreach (var observed in cuts[engine])
                {
                    predicted.Add(model.Predict(run.Truncate(observed)));
                    baseline.Add(meanCapped);
                    actual.Add(run.Cycles.Count - observed);
                }
            }
        }
        return new CmapssValidationResult(Score(predicted, actual, runsToFailure.Count), runsToFailure.Count, options.Folds, Score(baseline, actual, runsToFailure.Count));
    }

    /// <summary>
    /// Scores predictions against truth. The NASA score is a sum, so with several cuts per engine it is scaled to
    /// <paramref name="engines"/> predictions, which puts it on the same footing as one prediction per test engine.
    /// </summary>
    public static CmapssScore Score(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, int engines)
    {
        var nasa = RemainingLifeScore.NasaScore(predicted, actual) * engines / predicted.Count;
        return new CmapssScore(RemainingLifeScore.Rmse(predicted, actual), nasa, predicted.Count);
    }

    // Cut points are drawn before any training so that every configuration is judged on the same cuts.
    private static int[][] DrawCuts(IReadOnlyList<UnitHistory> runs, CmapssValidationOptions options, Random random)
    {
        var cuts = new int[runs.Count][];
        for (var e = 0; e < runs.Count; e++)
        {
            var life = runs[e].Cycles.Count;
            var minObserved = Math.Min(options.MinObservedCycles, life - 1);
            var maxRul = Math.Max(1, Math.Min(options.MaxRemainingLife, life - minObserved));
            cuts[e] = new int[options.CutsPerEngine];
            for (var c = 0; c < options.CutsPerEngine; c++) cuts[e][c] = Math.Max(1, life - random.Next(1, maxRul + 1));
        }
        return cuts;
    }

    private static double MeanCappedTarget(IReadOnlyList<UnitHistory> runs, double cap)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var run in runs)
        {
            var life = run.Cycles.Count;
            for (var i = 0; i < life; i++) sum += Math.Min(life - 1 - i, cap);
            count += life;
        }
        return sum / count;
    }
}
