namespace DigitalTwin.Topology.Reading;

/// <summary>A set of key/value pairs, in file order (duplicated keys are kept so the reader can report them).</summary>
internal sealed class MappingNode(IReadOnlyList<KeyValuePair<string, FileNode>> entries, int line, int column) : FileNode(line, column)
{
    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, FileNode>> Entries { get; } = entries;

    /// <inheritdoc />
    public override string Shape => "a mapping";
}
