namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// The answer to a request about a recommendation (make, approve, reject). A refusal never throws: it comes back with
/// <see cref="Accepted"/> false, a stable <see cref="Code"/> (one of <see cref="CoolingRefusals"/>) and a reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.CoolingDecision")]
public sealed record CoolingDecision(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Code,
    [property: Id(2)] string? Reason,
    [property: Id(3)] CoolingRecommendation? Recommendation)
{
    /// <summary>An accepted request.</summary>
    public static CoolingDecision Accept(CoolingRecommendation recommendation) => new(true, null, null, recommendation);

    /// <summary>A refused request.</summary>
    public static CoolingDecision Refuse(string code, string reason, CoolingRecommendation? recommendation = null) =>
        new(false, code, reason, recommendation);
}
