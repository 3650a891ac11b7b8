using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Topology.Reading;
using DigitalTwin.Topology.Writing;

namespace DigitalTwin.Topology;

/// <summary>
/// Reads and writes topology files: a flat list of twins, each naming its parent by id, in YAML or the same shape in
/// JSON. The format is described in samples/README.md.
/// </summary>
public static class TopologyFile
{
    /// <summary>The only <c>apiVersion</c> this version reads and writes.</summary>
    public const string ApiVersion = "digitaltwin/v1";

    /// <summary>The <see cref="TopologyError.ElementId"/> of problems that concern the file as a whole.</summary>
    public const string DocumentElementId = "document";

    /// <summary>
    /// Reads a topology. Never throws on bad input: unreadable text gives one <see cref="TopologyErrorCodes.Syntax"/>
    /// error (with line and column when known) and no document; a problem in one element is reported with the
    /// element's id and the other elements are still read, so the result can hold a document and errors together.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="format">The format, or <see cref="TopologyFormat.Auto"/> to tell JSON from YAML by the first character.</param>
    public static TopologyParseResult Parse(string text, TopologyFormat format = TopologyFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return TopologyDocumentReader.Read(ReadTree(text, format), text.Length);
        }
        catch (TopologySyntaxException e)
        {
            var where = e.Line > 0 ? $"line {e.Line}, column {e.Column}: " : "";
            return new TopologyParseResult(null, [new TopologyError(DocumentElementId, TopologyErrorCodes.Syntax, where + e.Message)]);
        }
    }

    /// <summary>
    /// Reads a topology file; the format follows the extension (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>), otherwise
    /// <see cref="TopologyFormat.Auto"/>. A file that cannot be read gives a <see cref="TopologyErrorCodes.Syntax"/> error.
    /// </summary>
    public static TopologyParseResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => TopologyFormat.Yaml,
            ".json" => TopologyFormat.Json,
            _ => TopologyFormat.Auto,
        };
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new TopologyParseResult(null, [new TopologyError(DocumentElementId, TopologyErrorCodes.Syntax, $"cannot read '{path}': {e.Message}")]);
        }
        return Parse(text, format);
    }

    /// <summary>Writes <paramref name="document"/> as YAML that <see cref="Parse"/> reads back to an equal document.</summary>
    public static string ToYaml(TopologyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TopologyYamlWriter.Write(document);
    }

    private static FileNode? ReadTree(string text, TopologyFormat format)
    {
        switch (format)
        {
            case TopologyFormat.Json:
                return JsonTreeReader.Read(text);
            case TopologyFormat.Yaml:
                return YamlTreeReader.Read(text);
            default:
                var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
                if (first.StartsWith('{') || first.StartsWith('['))
                {
                    try
                    {
                        return JsonTreeReader.Read(text);
                    }
                    catch (TopologySyntaxException) when (TryYaml(text) is { } yaml)
                    {
                        // Flow-style YAML also starts with a brace; if it reads as YAML, it was YAML.
                        return yaml;
                    }
                }
                return YamlTreeReader.Read(text);
        }
    }

    private static FileNode? TryYaml(string text)
    {
        try
        {
            return YamlTreeReader.Read(text);
        }
        catch (TopologySyntaxException)
        {
            return null;
        }
    }
}
