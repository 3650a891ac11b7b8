namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>One rack's inlet temperature over the horizon and when it crosses its limit.</summary>
/// <param name="Id">The rack.</param>
/// <param name="RoomId">Its room.</param>
/// <param name="LimitC">Its inlet limit: the lowest <c>criticalAbove</c> on <c>inlet_temp_c</c> of the rack or its servers, else 32 °C (ASHRAE A1 allowable).</param>
/// <param name="TimeToLimitS">Seconds until its inlet crosses the limit; null when it does not within the horizon.</param>
/// <param name="PeakInletC">The highest inlet over the horizon, °C.</param>
/// <param name="BaselinePeakInletC">The highest inlet of the unperturbed baseline, °C.</param>
/// <param name="ItPowerW">Its IT power in the scenario, W.</param>
/// <param name="Series">Inlet temperature at every step, °C (value i at i × the answer's StepS).</param>
/// <param name="AirHeadroomPct">At its lowest over the horizon, how much more cold air reaches the rack than its servers
/// draw, % (−5: they draw 5 % more than they are given and breathe exhaust for it). A rack that holds with little to
/// spare is one a small rise in its load, or air the floor sends elsewhere, can tip: the model cannot see either
/// coming, so the answer says how near it is. Null when the model did not record it.</param>
[GenerateSerializer, Immutable, Alias("dt.RackOutcome")]
public sealed record RackOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] double LimitC,
    [property: Id(3)] double? TimeToLimitS,
    [property: Id(4)] double PeakInletC,
    [property: Id(5)] double BaselinePeakInletC,
    [property: Id(6)] double ItPowerW,
    [property: Id(7)] IReadOnlyList<double> Series,
    [property: Id(8)] double? AirHeadroomPct = null);
