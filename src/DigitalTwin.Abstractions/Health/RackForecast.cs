namespace DigitalTwin.Abstractions.Health;

/// <summary>One rack of an <see cref="IncidentForecast"/>: when it reaches its inlet limit and how hot it gets.</summary>
/// <param name="RackId">The rack.</param>
/// <param name="LimitC">Its inlet limit (the lowest <c>criticalAbove</c> on <c>inlet_temp_c</c> of the rack or its servers, else 32 °C).</param>
/// <param name="TimeToLimitS">Seconds after the forecast's <c>AsOf</c> until its inlet reaches the limit.</param>
/// <param name="PeakInletC">Its highest inlet over the horizon, °C.</param>
[GenerateSerializer, Immutable, Alias("dt.RackForecast")]
public sealed record RackForecast(
    [property: Id(0)] string RackId,
    [property: Id(1)] double LimitC,
    [property: Id(2)] double TimeToLimitS,
    [property: Id(3)] double PeakInletC);
