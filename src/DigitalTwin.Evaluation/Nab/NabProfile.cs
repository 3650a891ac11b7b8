namespace DigitalTwin.Evaluation.Nab;

/// <summary>
/// A NAB application profile: the weights of an early true positive, a false positive and a missed window.
/// </summary>
/// <param name="Name">The profile's name as NAB spells it (<c>standard</c>, <c>reward_low_FP_rate</c>, <c>reward_low_FN_rate</c>).</param>
/// <param name="TruePositiveWeight">A_TP: what the earliest possible detection of a window earns.</param>
/// <param name="FalsePositiveWeight">A_FP: what a false positive far from any window costs.</param>
/// <param name="FalseNegativeWeight">A_FN: what a window with no detection costs.</param>
public sealed record NabProfile(string Name, double TruePositiveWeight, double FalsePositiveWeight, double FalseNegativeWeight)
{
    /// <summary>NAB's standard profile (1.0, 0.11, 1.0).</summary>
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    /// <summary>NAB's profile that punishes false positives twice as hard (1.0, 0.22, 1.0).</summary>
    public static NabProfile RewardLowFalsePositiveRate { get; } = new("reward_low_FP_rate", 1.0, 0.22, 1.0);

    /// <summary>NAB's profile that punishes missed windows twice as hard (1.0, 0.11, 2.0).</summary>
    public static NabProfile RewardLowFalseNegativeRate { get; } = new("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /// <summary>The three profiles of the NAB scoreboard, in its order.</summary>
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFalsePositiveRate, RewardLowFalseNegativeRate];

    /// <summary>
    /// NAB's normalised score: 100 * (S - S_null) / (S_perfect - S_null), where a detector that never fires scores
    /// S_null = -A_FN * windows and one that fires at the first row of every window scores S_perfect = A_TP * windows.
    /// </summary>
    public double Normalise(double rawScore, int windowCount)
    {
        var nullScore = -FalseNegativeWeight * windowCount;
        var perfectScore = TruePositiveWeight * windowCount;
        return 100.0 * (rawScore - nullScore) / (perfectScore - nullScore);
    }
}
