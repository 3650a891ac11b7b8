using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// The definition of one twin as a topology gives it: identity, place in the hierarchy, rated properties, limits,
/// tags, the power and cooling relations, and for a service the servers it runs on. Everything a twin knows besides
/// its live readings. A twin of a kind its topology declares (<c>kinds:</c>) has the built-in kind it is based on as
/// <see cref="Kind"/>, the declared kind's name as <see cref="Type"/> and its wear signals as <see cref="Wear"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinSpec")]
public sealed record TwinSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] string? Name = null,
    [property: Id(4)] IReadOnlyDictionary<string, double>? Rated = null,
    [property: Id(5)] IReadOnlyDictionary<string, MetricLimit>? Limits = null,
    [property: Id(6)] IReadOnlyList<string>? Tags = null,
    [property: Id(7)] RackPosition? Position = null,
    [property: Id(8)] IReadOnlyList<PowerFeed>? PowerFeeds = null,
    [property: Id(9)] IReadOnlyList<string>? CoolingUnits = null,
    [property: Id(10)] IReadOnlyList<string>? RunsOn = null,
    [property: Id(11)] string? Type = null,
    [property: Id(12)] IReadOnlyList<WearSignalSpec>? Wear = null);
