namespace DigitalTwin.Abstractions.Cooling;

/// <summary>A rack's highest inlet temperature: its limit, what was measured, and what the model predicts before and after.</summary>
[GenerateSerializer, Immutable, Alias("dt.RackInletPrediction")]
public sealed record RackInletPrediction(
    [property: Id(0)] string RackId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] double LimitC,
    [property: Id(3)] double? MeasuredC,
    [property: Id(4)] double PredictedBeforeC,
    [property: Id(5)] double PredictedAfterC);
