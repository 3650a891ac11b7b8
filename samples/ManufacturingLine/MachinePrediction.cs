namespace ManufacturingLine;

/// <summary>The fields of the platform's maintenance prediction (<c>GET /api/predictions</c>) the line prints.</summary>
internal sealed record MachinePrediction(
    string TwinId,
    double FailureProbability,
    TimeSpan Horizon,
    TimeSpan? TimeToFailure,
    TimeSpan? TimeToFailureLow,
    TimeSpan? TimeToFailureHigh,
    IReadOnlyList<string> Evidence,
    string RecommendedAction,
    DateTimeOffset? MaintainBy,
    string Basis,
    double Confidence);
