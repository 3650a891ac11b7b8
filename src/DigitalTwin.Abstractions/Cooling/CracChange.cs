namespace DigitalTwin.Abstractions.Cooling;

/// <summary>One CRAC's setpoint and fan speed before a recommendation and what it recommends.</summary>
/// <param name="CracId">The CRAC.</param>
/// <param name="RoomId">Its room.</param>
/// <param name="SetpointBeforeC">Its setpoint when recommended, °C.</param>
/// <param name="SetpointAfterC">The recommended setpoint, °C.</param>
/// <param name="FanBeforePct">Its fan speed when recommended, %.</param>
/// <param name="FanAfterPct">The recommended fan speed, %.</param>
/// <param name="StoppedWhenRecommended">True when the unit was stopped when the recommendation was made: the model
/// counted it out and nothing is sent to it, so its still being stopped is no new loss to roll back for.</param>
[GenerateSerializer, Immutable, Alias("dt.CracChange")]
public sealed record CracChange(
    [property: Id(0)] string CracId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] double SetpointBeforeC,
    [property: Id(3)] double SetpointAfterC,
    [property: Id(4)] double FanBeforePct,
    [property: Id(5)] double FanAfterPct,
    [property: Id(6)] bool StoppedWhenRecommended = false);
