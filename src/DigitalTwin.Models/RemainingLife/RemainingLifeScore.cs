namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// How far predicted remaining useful lives are from the truth: root mean square error, and the asymmetric score of
/// the PHM 2008 challenge (NASA score), which punishes late predictions (d = predicted - true &gt; 0) harder than early ones
/// because a missed failure costs more than an early replacement.
/// </summary>
public static class RemainingLifeScore
{
    /// <summary>Root mean square error between <paramref name="predicted"/> and <paramref name="actual"/>.</summary>
    public static double Rmse(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        RequireSameLength(predicted, actual);
        var sum = 0.0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var d = predicted[i] - actual[i];
            sum += d * d;
        }
        return Math.Sqrt(sum / predicted.Count);
    }

    /// <summary>
    /// The NASA score: the sum over units of e^(-d/13) - 1 for early predictions (d &lt; 0) and e^(d/10) - 1 for late or
    /// exact ones (d &gt;= 0), where d = predicted - true. Zero is perfect; lower is better.
    /// </summary>
    public static double NasaScore(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        RequireSameLength(predicted, actual);
        var sum = 0.0;
        for (var i = 0; i < predicted.Count; i++) sum += NasaPenalty(predicted[i] - actual[i]);
        return sum;
    }

    /// <summary>The NASA score's penalty for one unit whose prediction is off by <paramref name="error"/> (predicted - true).</summary>
    public static double NasaPenalty(double error) => error < 0 ? Math.Exp(-error / 13.0) - 1 : Math.Exp(error / 10.0) - 1;

    private static void RequireSameLength(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count)
            throw new ArgumentException($"{predicted.Count} predictions but {actual.Count} true values.", nameof(actual));
        if (predicted.Count == 0) throw new ArgumentException("No predictions to score.", nameof(predicted));
    }
}
