namespace DigitalTwin.Abstractions.Cooling;

/// <summary>One CRAC's setpoint and fan speed before a recommendation and what it recommends.</summary>
[GenerateSerializer, Immutable, Alias("dt.CracChange")]
public sealed record CracChange(
    [property: Id(0)] string CracId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] double SetpointBeforeC,
    [property: Id(3)] double SetpointAfterC,
    [property: Id(4)] double FanBeforePct,
    [property: Id(5)] double FanAfterPct);
