namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// A forecast of failure: the probability of failing within the horizon asked for, the estimated time to failure
/// with an interval (null when no failure is in sight), and a short human-readable statement of the trend behind it.
/// </summary>
public sealed record FailureForecast(
    double ProbabilityWithinHorizon,
    TimeSpan Horizon,
    TimeSpan? TimeToFailure,
    TimeSpan? TimeToFailureLow,
    TimeSpan? TimeToFailureHigh,
    string Trend);
