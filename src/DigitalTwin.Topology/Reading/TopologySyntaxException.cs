namespace DigitalTwin.Topology.Reading;

/// <summary>The text cannot be read as YAML or JSON; raised by the tree readers and turned into one syntax error.</summary>
internal sealed class TopologySyntaxException(string message, int line = 0, int column = 0) : Exception(message)
{
    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; } = column;
}
