using System.Text.Json;

namespace DigitalTwin.Topology.Reading;

/// <summary>
/// Reads JSON text into <see cref="FileNode"/>s with System.Text.Json. JSON values carry no line numbers after
/// parsing, so element-level messages from JSON name the element by id or index instead.
/// </summary>
internal static class JsonTreeReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>The document in <paramref name="text"/>.</summary>
    /// <exception cref="TopologySyntaxException">The text is not well-formed JSON.</exception>
    public static FileNode Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Convert(document.RootElement);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from zero.
            var line = e.LineNumber is { } l ? (int)l + 1 : 0;
            var column = e.BytePositionInLine is { } c ? (int)c + 1 : 0;
            throw new TopologySyntaxException(Describe(e), line, column);
        }
    }

    private static FileNode Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MappingNode(element.EnumerateObject().Select(p => new KeyValuePair<string, FileNode>(p.Name, Convert(p.Value))).ToList(), 0, 0),
        JsonValueKind.Array => new SequenceNode(element.EnumerateArray().Select(Convert).ToList(), 0, 0),
        JsonValueKind.String => new ScalarNode(element.GetString(), 0, 0),
        JsonValueKind.Number => new ScalarNode(element.GetRawText(), 0, 0),
        JsonValueKind.True => new ScalarNode("true", 0, 0),
        JsonValueKind.False => new ScalarNode("false", 0, 0),
        _ => new ScalarNode(null, 0, 0),
    };

    // System.Text.Json appends "Path: $ | LineNumber: 2 | BytePositionInLine: 4."; the place is reported separately.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.Trim().TrimEnd('.');
    }
}
