namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Predicts a unit's remaining useful life, in cycles, from its multivariate history up to now. Trained on units run
/// to failure: every cycle of every training unit is one example whose target is its remaining life capped at
/// <see cref="RemainingLifeOptions.RulCap"/>; the regressor is gradient-boosted trees over window features of the
/// channels that track wear (see <see cref="DegradationFeatures"/>). Immutable once trained and safe to share.
/// </summary>
public sealed class RemainingLifeModel
{
    private readonly DegradationFeatures _features;
    private readonly GradientBoostedRegressor _regressor;

    private RemainingLifeModel(DegradationFeatures features, GradientBoostedRegressor regressor, RemainingLifeOptions options)
    {
        _features = features;
        _regressor = regressor;
        Options = options;
    }

    /// <summary>The settings the model was trained with.</summary>
    public RemainingLifeOptions Options { get; }

    /// <summary>Indices of the channels the model found informative and reads.</summary>
    public IReadOnlyList<int> Channels => _features.Channels;

    /// <summary>Trains on histories that each end at their unit's failure.</summary>
    public static RemainingLifeModel Train(IReadOnlyList<UnitHistory> runsToFailure, RemainingLifeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runsToFailure);
        if (runsToFailure.Count == 0) throw new ArgumentException("No run-to-failure histories to train on.", nameof(runsToFailure));
        options ??= new RemainingLifeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShortWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LongWindow, 2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RulCap, 0);

        var features = DegradationFeatures.Fit(runsToFailure, options);
        var rows = new List<double[]>();
        var targets = new List<double>();
        foreach (var run in runsToFailure)
        {
            var prepared = features.Prepare(run.Cycles);
            var life = run.Cycles.Count;
            for (var i = 0; i < life; i++)
            {
                var row = new double[features.FeatureCount];
                features.Extract(prepared, i, row);
                rows.Add(row);
                targets.Add(Math.Min(life - 1 - i, options.RulCap));
            }
        }
        var regressor = GradientBoostedRegressor.Fit(rows, targets, options.Boosting);
        return new RemainingLifeModel(features, regressor, options);
    }

    /// <summary>
    /// Remaining useful life, in cycles, after the last cycle of <paramref name="cycles"/> (oldest first, same channels
    /// as in training). Never negative and never above the cap, which is the most the model can tell apart.
    /// </summary>
    public double Predict(IReadOnlyList<double[]> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0) throw new ArgumentException("No cycles to predict from.", nameof(cycles));
        var prepared = _features.Prepare(cycles);
        Span<double> row = stackalloc double[_features.FeatureCount];
        _features.Extract(prepared, cycles.Count - 1, row);
        return Math.Clamp(_regressor.Predict(row), 0, Options.RulCap);
    }

    /// <summary>Remaining useful life after the last cycle of <paramref name="history"/>.</summary>
    public double Predict(UnitHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Predict(history.Cycles);
    }
}
