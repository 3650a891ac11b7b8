namespace DigitalTwin.Topology.Reading;

/// <summary>
/// A value read from a topology file, YAML or JSON alike, with where it stands in the text. The element reader works
/// on these, so both formats accept exactly the same shape and give the same messages.
/// </summary>
internal abstract class FileNode(int line, int column)
{
    /// <summary>1-based line, or 0 when the format does not say (JSON values).</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; } = column;

    /// <summary>"line 4, column 7: " when the place is known, otherwise empty; prefixed to messages.</summary>
    public string Where => Line > 0 ? $"line {Line}, column {Column}: " : "";

    /// <summary>A short name of the node's shape for messages ("a list", "a mapping", "a value").</summary>
    public abstract string Shape { get; }
}
