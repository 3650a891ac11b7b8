namespace DigitalTwin.Topology.Reading;

/// <summary>A list of values.</summary>
internal sealed class SequenceNode(IReadOnlyList<FileNode> items, int line, int column) : FileNode(line, column)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<FileNode> Items { get; } = items;

    /// <inheritdoc />
    public override string Shape => "a list";
}
