namespace DigitalTwin.Topology.Reading;

/// <summary>
/// Things present in a file that the reader could not turn into a <c>TwinSpec</c> value. They were already reported;
/// validation uses them only to avoid reporting their consequences (a child of an element with an unknown kind is
/// not an orphan; a rack whose power budget is "abc" is not missing one).
/// </summary>
internal sealed class ReadGaps
{
    /// <summary>No gaps.</summary>
    public static ReadGaps None { get; } = new();

    /// <summary>Elements left out of the document (their kind could not be read), with the parent they named.</summary>
    public List<(string Id, string? ParentId)> Unreadable { get; } = [];

    /// <summary>Rated properties present but not numbers, as (twin id, property name).</summary>
    public HashSet<(string Id, string Property)> UnreadableRated { get; } = [];

    /// <summary>Whether there is nothing to remember.</summary>
    public bool IsEmpty => Unreadable.Count == 0 && UnreadableRated.Count == 0;
}
