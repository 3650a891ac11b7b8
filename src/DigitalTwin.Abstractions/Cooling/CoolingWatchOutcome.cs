namespace DigitalTwin.Abstractions.Cooling;

/// <summary>
/// What was measured over the watch period after a recommendation took effect, against what was predicted.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.CoolingWatchOutcome")]
public sealed record CoolingWatchOutcome(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double? MeasuredCoolingPowerW,
    [property: Id(2)] double PredictedCoolingPowerW,
    [property: Id(3)] double? MeasuredSavingPct,
    [property: Id(4)] double? MaxInletC,
    [property: Id(5)] string? HottestRackId,
    [property: Id(6)] int Samples);
