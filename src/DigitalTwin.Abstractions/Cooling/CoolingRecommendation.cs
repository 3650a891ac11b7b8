namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// A cooling recommendation for one data centre: the CRAC settings the optimiser found, the predicted cooling power
/// before and after, every rack's predicted highest inlet, the N+1 check, and — once acted on — the outcome and the
/// trail of every step with who and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.CoolingRecommendation")]
public sealed record CoolingRecommendation(
    [property: Id(0)] string Id,
    [property: Id(1)] string DataCentreId,
    [property: Id(2)] CoolingRecommendationState State,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string RequestedBy,
    [property: Id(6)] bool Automatic,
    [property: Id(7)] IReadOnlyList<CracChange> Cracs,
    [property: Id(8)] double PredictedBeforeW,
    [property: Id(9)] double PredictedAfterW,
    [property: Id(10)] double PredictedSavingPct,
    [property: Id(11)] double? MeasuredBeforeW,
    [property: Id(12)] IReadOnlyList<RackInletPrediction> Racks,
    [property: Id(13)] CoolingRedundancy Redundancy,
    [property: Id(14)] CoolingWatchOutcome? Outcome,
    [property: Id(15)] IReadOnlyList<CoolingTrailEntry> Trail,
    [property: Id(16)] string? Reason = null);
