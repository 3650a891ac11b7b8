namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// The outcome of <see cref="CoolingOptimiser.Recommend"/>.
/// </summary>
/// <param name="Current">Each running CRAC's present setting.</param>
/// <param name="Recommended">Each running CRAC's recommended setting.</param>
/// <param name="CoolingPowerBeforeW">Predicted cooling power (compressor and fan) at the present settings, W.</param>
/// <param name="CoolingPowerAfterW">Predicted cooling power at the recommended settings, W.</param>
/// <param name="InletBeforeC">Per rack, predicted steady inlet at the present settings, °C.</param>
/// <param name="InletAfterC">Per rack, predicted steady (highest) inlet at the recommended settings, °C.</param>
/// <param name="Feasible">True when every rack is within its limit less the margin at the recommended settings.
/// False when not even the most cooling the rate limits allow achieves that; the recommendation is then that.</param>
/// <param name="FailureChecks">One per running CRAC: what its failure after the change would do.</param>
/// <param name="Evaluations">Model evaluations spent.</param>
/// <param name="Method">How it was found, in words.</param>
public sealed record CoolingRecommendation(
    IReadOnlyList<CracSetting> Current,
    IReadOnlyList<CracSetting> Recommended,
    double CoolingPowerBeforeW,
    double CoolingPowerAfterW,
    IReadOnlyDictionary<string, double> InletBeforeC,
    IReadOnlyDictionary<string, double> InletAfterC,
    bool Feasible,
    IReadOnlyList<CracFailureCheck> FailureChecks,
    int Evaluations,
    string Method)
{
    /// <summary>Predicted saving, % of the present cooling power.</summary>
    public double PredictedSavingPct => CoolingPowerBeforeW > 0 ? 100 * (CoolingPowerBeforeW - CoolingPowerAfterW) / CoolingPowerBeforeW : 0;

    /// <summary>True when, after any one CRAC fails, no rack reaches the critical limit while the loop responds nor once the
    /// room has settled (when N+1 was judged over time); else when the others' response keeps every rack within its limit.</summary>
    public bool NPlusOneKept => FailureChecks.All(c => c.Kept);
}
