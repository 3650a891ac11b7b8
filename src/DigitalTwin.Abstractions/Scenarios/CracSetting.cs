namespace DigitalTwin.Abstractions.Scenarios;

/// <summary>A changed CRAC setting: its supply setpoint, its fan speed, or both.</summary>
/// <param name="CracId">The CRAC.</param>
/// <param name="SetpointC">The new supply setpoint, °C; null keeps it.</param>
/// <param name="FanPct">The new fan speed, percent of full airflow; null keeps it.</param>
[GenerateSerializer, Immutable, Alias("dt.CracSetting")]
public sealed record CracSetting(
    [property: Id(0)] string CracId,
    [property: Id(1)] double? SetpointC = null,
    [property: Id(2)] double? FanPct = null);
