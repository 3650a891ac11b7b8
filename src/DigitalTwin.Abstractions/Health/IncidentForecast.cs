namespace DigitalTwin.Abstractions.Health;

/// <summary>
/// What a cooling incident leads to if nothing is done: the twin's what-if of its room with the CRACs that report they
/// stopped kept stopped, run on the live state forked when the incident opened (and again whenever another unit of the
/// room stops or restarts). The racks that reach their inlet limit, soonest first, with when, as seconds after
/// <see cref="AsOf"/>; JSON names (camelCase) are read by the operator views and <c>dt incidents --json</c>.
/// </summary>
/// <param name="ScenarioId">The what-if scenario that answered (its answer is let go once copied here).</param>
/// <param name="RoomId">The room forked.</param>
/// <param name="Failed">The CRACs kept stopped in the what-if: every unit of the room that reported it stopped.</param>
/// <param name="AsOf">The twin time of the forked live state; every time below counts from it.</param>
/// <param name="HorizonS">How far ahead the what-if ran, seconds.</param>
/// <param name="FirstLimitS">Seconds until the first rack reaches its inlet limit; 0 when one already has; null when none does within the horizon.</param>
/// <param name="FirstRackId">That rack; null when none.</param>
/// <param name="Racks">The racks that reach their limit within the horizon (at most ten), soonest first.</param>
/// <param name="RacksAtLimit">How many racks reach their limit within the horizon in all.</param>
/// <param name="AffectedServers">How many servers are in those racks or lose power.</param>
/// <param name="Services">Services with servers among them.</param>
/// <param name="Mitigation">The what-if's recommended mitigation in words, with whether it was checked to resolve it; null when none.</param>
/// <param name="Summary">The forecast in one sentence, for a list or a notification.</param>
[GenerateSerializer, Immutable, Alias("dt.IncidentForecast")]
public sealed record IncidentForecast(
    [property: Id(0)] string ScenarioId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] IReadOnlyList<string> Failed,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] double HorizonS,
    [property: Id(5)] double? FirstLimitS,
    [property: Id(6)] string? FirstRackId,
    [property: Id(7)] IReadOnlyList<RackForecast> Racks,
    [property: Id(8)] int RacksAtLimit,
    [property: Id(9)] int AffectedServers,
    [property: Id(10)] IReadOnlyList<string> Services,
    [property: Id(11)] string? Mitigation,
    [property: Id(12)] string Summary);
