using DigitalTwin.Abstractions.Cooling;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// What the optimiser found: the settings of every CRAC, the predicted cooling power before and after, every rack's
/// predicted highest inlet, the N+1 check at the new settings, and what the prediction rests on (null: not said).
/// </summary>
public sealed record CoolingPlan(
    IReadOnlyList<CracChange> Cracs,
    double PredictedBeforeW,
    double PredictedAfterW,
    IReadOnlyList<RackInletPrediction> Racks,
    CoolingRedundancy Redundancy,
    string? Basis = null);
