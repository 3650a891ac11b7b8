using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// What a parent knows about a child's siblings, from their latest reports: how many there are, how many have open
/// alerts, and the siblings' mean of one metric. It tells a local fault from a shared cause. For air temperatures a
/// rack also asks its room (<see cref="Room"/>): a room-wide cause (a CRAC that stopped, heat on other racks) is
/// invisible from inside one rack.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.grains.Neighbourhood")]
public sealed record Neighbourhood(
    [property: Id(0)] string ParentId,
    [property: Id(1)] TwinKind ParentKind,
    [property: Id(2)] int Siblings,
    [property: Id(3)] int SiblingsWithAlerts,
    [property: Id(4)] double? SiblingMean,
    [property: Id(5)] int SiblingsWithMetric,
    [property: Id(6)] int ParentOpenAlerts = 0,
    [property: Id(7)] RoomNeighbourhood? Room = null);
