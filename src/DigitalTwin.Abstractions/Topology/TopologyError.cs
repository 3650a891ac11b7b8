namespace DigitalTwin.Abstractions.Topology;

/// <summary>
/// One problem found in a topology or a change to it, naming the element it concerns. <see cref="Code"/> is one of
/// <see cref="TopologyErrorCodes"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.TopologyError")]
public sealed record TopologyError(
    [property: Id(0)] string ElementId,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{ElementId}: {Code}: {Message}";
}

/// <summary>The stable codes of <see cref="TopologyError"/>.</summary>
public static class TopologyErrorCodes
{
    /// <summary>Two elements share an id.</summary>
    public const string DuplicateId = "duplicate_id";
    /// <summary>An id breaks the id rules.</summary>
    public const string InvalidId = "invalid_id";
    /// <summary>The parent named does not exist in the document nor in the live graph.</summary>
    public const string UnknownParent = "unknown_parent";
    /// <summary>Following parents leads back to the element.</summary>
    public const string Cycle = "cycle";
    /// <summary>The kind is not one of the known kinds.</summary>
    public const string UnknownKind = "unknown_kind";
    /// <summary>The kind may not sit under its parent's kind (a component under a rack, for example).</summary>
    public const string InvalidPlacement = "invalid_placement";
    /// <summary>A required rated property is missing.</summary>
    public const string MissingCapacity = "missing_capacity";
    /// <summary>A rated property is negative or not a finite number.</summary>
    public const string InvalidCapacity = "invalid_capacity";
    /// <summary>A power feed or cooling unit names a twin that does not exist or is of the wrong kind.</summary>
    public const string InvalidRelation = "invalid_relation";
    /// <summary>Something else is wrong with the element (for example a data centre with a parent).</summary>
    public const string Invalid = "invalid";
    /// <summary>The twin named by a change does not exist.</summary>
    public const string UnknownTwin = "unknown_twin";
    /// <summary>The change would leave the graph inconsistent (removing a twin that still has children, for example).</summary>
    public const string Conflict = "conflict";
    /// <summary>The document could not be read at all.</summary>
    public const string Syntax = "syntax";
}
