using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DigitalTwin.Topology.Reading;

/// <summary>
/// Reads YAML text into <see cref="FileNode"/>s from YamlDotNet's event parser. Working from events (rather than the
/// representation model) keeps every value's line and column, keeps duplicated keys for a precise message, and lets
/// an alias share the anchored node instead of copying it, so an alias bomb costs nothing.
/// </summary>
internal static class YamlTreeReader
{
    private const int MaxDepth = 64;

    /// <summary>The first document of <paramref name="text"/>, or null when the text holds no document.</summary>
    /// <exception cref="TopologySyntaxException">The text is not well-formed YAML.</exception>
    public static FileNode? Read(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, new Dictionary<string, FileNode>(StringComparer.Ordinal), 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                var next = parser.Current;
                throw new TopologySyntaxException(
                    "the file holds more than one YAML document ('---'); put all twins in one document",
                    (int)(next?.Start.Line ?? 0), (int)(next?.Start.Column ?? 0));
            }
            return root;
        }
        catch (YamlException e)
        {
            throw new TopologySyntaxException(Describe(e), (int)e.Start.Line, (int)e.Start.Column);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some malformed input (found by dt fuzz) with this instead of a YamlException.
            throw new TopologySyntaxException("the text is not well-formed YAML", 0, 0);
        }
    }

    private static FileNode ReadNode(IParser parser, Dictionary<string, FileNode> anchors, int depth)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current;
            throw new TopologySyntaxException($"values are nested more than {MaxDepth} levels deep", (int)(at?.Start.Line ?? 0), (int)(at?.Start.Column ?? 0));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var anchored)
                ? anchored
                : throw new TopologySyntaxException($"alias '*{alias.Value.Value}' names no anchor defined before it", (int)alias.Start.Line, (int)alias.Start.Column);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            return Remember(anchors, scalar.Anchor, new ScalarNode(isNull ? null : scalar.Value, (int)scalar.Start.Line, (int)scalar.Start.Column));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<FileNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, depth + 1));
            return Remember(anchors, sequenceStart.Anchor, new SequenceNode(items, (int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<KeyValuePair<string, FileNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors, depth + 1);
                if (key is not ScalarNode { Text: { } name })
                {
                    throw new TopologySyntaxException("a mapping key must be a plain name, not a list, a mapping or null", key.Line, key.Column);
                }
                entries.Add(new(name, ReadNode(parser, anchors, depth + 1)));
            }
            return Remember(anchors, mappingStart.Anchor, new MappingNode(entries, (int)mappingStart.Start.Line, (int)mappingStart.Start.Column));
        }

        var unexpected = parser.Current;
        throw new TopologySyntaxException($"unexpected {unexpected?.GetType().Name ?? "end of text"}", (int)(unexpected?.Start.Line ?? 0), (int)(unexpected?.Start.Column ?? 0));
    }

    private static FileNode Remember(Dictionary<string, FileNode> anchors, AnchorName anchor, FileNode node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
        return node;
    }

    // YamlDotNet's messages start with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the place is reported separately.
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message).Trim();
    }
}
