namespace DigitalTwin.Topology.Reading;

/// <summary>A single value: text, a number or null (<see cref="Text"/> is null for YAML <c>~</c>/<c>null</c>/empty and JSON null).</summary>
internal sealed class ScalarNode(string? text, int line, int column) : FileNode(line, column)
{
    /// <summary>The value's text as written (numbers keep their spelling), or null.</summary>
    public string? Text { get; } = text;

    /// <inheritdoc />
    public override string Shape => Text is null ? "null" : $"'{Text}'";
}
