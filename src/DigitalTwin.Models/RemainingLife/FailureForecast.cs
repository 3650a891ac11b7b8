namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// A forecast of failure: the probability of failing within the horizon asked for, the estimated time to failure
/// with an interval (null when no failure is in sight), a short human-readable statement of the trend behind it, and
/// <see cref="Confidence"/>: how sure the forecast is of its own verdict (for a failure in sight, the probability that
/// the trend towards the threshold is real; otherwise the probability of not failing within the horizon).
/// </summary>
public sealed record FailureForecast(
    double ProbabilityWithinHorizon,
    TimeSpan Horizon,
    TimeSpan? TimeToFailure,
    TimeSpan? TimeToFailureLow,
    TimeSpan? TimeToFailureHigh,
    string Trend,
    double Confidence = 0);
