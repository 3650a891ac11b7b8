namespace DigitalTwin.Abstractions.Changes;

/// <summary>
/// The changes of a subtree during one rollup tick of its root (a rack, room or data centre), published on
/// <see cref="TwinChangeStreams.Subtree"/>: the root's own changes and those of every descendant down to the assets
/// (components' alerts, health and commands included; components' rollups are left to their own twin streams).
/// A change can reach a data centre's batch a few ticks after it happened, one tick per level.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TwinChangeBatch")]
public sealed record TwinChangeBatch(
    [property: Id(0)] string SubtreeId,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] IReadOnlyList<TwinChange> Changes,
    [property: Id(3)] int Dropped = 0);
