namespace DigitalTwin.Topology;

/// <summary>The text format of a topology file.</summary>
public enum TopologyFormat
{
    /// <summary>JSON when the text starts with <c>{</c> or <c>[</c> and reads as JSON; YAML otherwise.</summary>
    Auto,
    /// <summary>YAML, block or flow style, with anchors and aliases.</summary>
    Yaml,
    /// <summary>JSON, with comments and trailing commas tolerated.</summary>
    Json,
}
