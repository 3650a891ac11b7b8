using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Health;

/// <summary>
/// A twin's predicted risk of failure: the probability it fails within <see cref="Horizon"/>, the estimated time to
/// failure with an interval, the evidence behind it, and what to do about it and by when. <see cref="Basis"/> says what
/// the prediction rests on (<c>trend</c>: a wear signal's trend; <c>counters</c>: growing fault counters such as a
/// disk's reallocated sectors; <c>level</c>: a wear signal already past its failure threshold; <c>none</c>: nothing
/// to go on yet) and <see cref="Confidence"/> (0..1) how sure it is of its verdict.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.MaintenancePrediction")]
public sealed record MaintenancePrediction(
    [property: Id(0)] string TwinId,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] double FailureProbability,
    [property: Id(3)] TimeSpan Horizon,
    [property: Id(4)] TimeSpan? TimeToFailure,
    [property: Id(5)] TimeSpan? TimeToFailureLow,
    [property: Id(6)] TimeSpan? TimeToFailureHigh,
    [property: Id(7)] IReadOnlyList<string> Evidence,
    [property: Id(8)] string RecommendedAction,
    [property: Id(9)] DateTimeOffset? MaintainBy,
    [property: Id(10)] DateTimeOffset AsOf,
    [property: Id(11)] string Basis = "trend",
    [property: Id(12)] double Confidence = 0);
