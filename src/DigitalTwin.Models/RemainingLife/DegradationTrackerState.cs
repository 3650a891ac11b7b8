namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Everything a <see cref="DegradationTracker"/> knows, as plain numbers, so a twin can persist it and restore the
/// tracker after reactivation. Times are hours relative to <see cref="LastTimestamp"/>; sums are decayed weights.
/// </summary>
public sealed record DegradationTrackerState(
    TimeSpan HalfLife,
    long Count,
    DateTimeOffset? LastTimestamp,
    double Weight,
    double WeightSquared,
    double SumTime,
    double SumTimeSquared,
    double SumValue,
    double SumTimeValue,
    double SumValueSquared,
    double SumSquaredWeightTime,
    double SumSquaredWeightTimeSquared,
    double PreviousValue,
    double StepWeight,
    double SumStepSquared,
    double SumStepTimeStep,
    double SumTimeStepSquared);
