using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// An aggregate over a twin's subtree, computed on a cadence and stamped with the time it is as of. Rack: total
/// power, max and mean inlet temperature, worst health, counts. Room: the same over its racks plus its CRACs'
/// cooling capacity and load. Data centre: total IT load, cooling load, worst health.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinRollup")]
public sealed record TwinRollup(
    [property: Id(0)] string TwinId,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] double ItPowerW,
    [property: Id(4)] double? MaxInletC,
    [property: Id(5)] double? MeanInletC,
    [property: Id(6)] double CoolingCapacityW,
    [property: Id(7)] double CoolingLoadW,
    [property: Id(8)] HealthStatus WorstHealth,
    [property: Id(9)] IReadOnlyDictionary<TwinKind, int> CountsByKind,
    [property: Id(10)] IReadOnlyDictionary<HealthStatus, int> CountsByHealth,
    [property: Id(11)] int OpenAlerts,
    [property: Id(12)] double? PowerBudgetW = null);
