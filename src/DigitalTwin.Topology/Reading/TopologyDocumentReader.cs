using System.Globalization;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Reading;

/// <summary>
/// Turns a file's node tree into a <see cref="TopologyDocument"/>. A problem in one element is reported with that
/// element's id and reading goes on with the next, so one import reports every problem at once.
/// </summary>
internal sealed class TopologyDocumentReader
{
    private static readonly string[] DocumentKeys = ["apiVersion", "kinds", "twins"];
    private static readonly string[] KindKeys = ["name", "base", "description", "wear"];
    private static readonly string[] WearKeys = ["metric", "direction", "failAt"];
    private static readonly string[] TwinKeys = ["id", "kind", "parent", "name", "position", "rated", "limits", "tags", "power", "cooling", "runsOn"];
    private static readonly string[] PositionKeys = ["row", "slot"];
    private static readonly string[] LimitKeys = ["warnAbove", "criticalAbove", "warnBelow", "criticalBelow"];
    private static readonly string[] FeedKeys = ["source", "path"];
    private static readonly string KnownKinds = string.Join(", ", TwinKinds.All.Select(k => k.ToWireName()));

    // Enough for a person to act on and for a systematic mistake to show its pattern; past it only a count is kept.
    private const int MaxListedErrors = 1000;

    private readonly List<TopologyError> _errors = [];
    private readonly Dictionary<string, DeclaredKind> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReadGaps _gaps = new();
    private int _unlisted;

    // Aliases let a short file name the same big block many times; the values visited are capped in proportion to the
    // text, far above what ordinary sharing (a limits block per server) needs, so such a file cannot exhaust memory.
    private long _budget;

    private TopologyDocumentReader(long budget)
    {
        _budget = budget;
    }

    /// <summary>Reads the document rooted at <paramref name="root"/> (null for an empty file) read from <paramref name="textLength"/> characters.</summary>
    /// <exception cref="TopologySyntaxException">Aliases expand the file far beyond its size.</exception>
    public static TopologyParseResult Read(FileNode? root, int textLength) =>
        new TopologyDocumentReader(4L * textLength + 100_000).ReadDocument(root);

    private TopologyParseResult ReadDocument(FileNode? root)
    {
        if (root is null || root is ScalarNode { Text: null })
        {
            return Refuse(root, "the file is empty; expected 'apiVersion' and a 'twins' list");
        }
        if (root is not MappingNode document)
        {
            return Refuse(root, $"the document must be a mapping with 'apiVersion' and a 'twins' list, not {root.Shape}");
        }

        var fields = Fields(document, TopologyFile.DocumentElementId, DocumentKeys, "");
        if (fields.TryGetValue("apiVersion", out var versionNode))
        {
            var version = (versionNode as ScalarNode)?.Text;
            if (version != TopologyFile.ApiVersion)
            {
                return Refuse(versionNode, $"unsupported apiVersion {versionNode.Shape}; this version reads '{TopologyFile.ApiVersion}'");
            }
        }

        if (!fields.TryGetValue("twins", out var twinsNode))
        {
            return Refuse(document, "the document has no 'twins' list");
        }

        ReadKinds(fields.GetValueOrDefault("kinds"));
        var specs = new List<TwinSpec>();
        switch (twinsNode)
        {
            case ScalarNode { Text: null }:
                break;
            case SequenceNode twins:
                for (var i = 0; i < twins.Items.Count; i++)
                {
                    Spend(twins.Items[i], 1);
                    if (ReadTwin(twins.Items[i], i) is { } spec) specs.Add(spec);
                }
                break;
            default:
                return Refuse(twinsNode, $"'twins' must be a list of twins, not {twinsNode.Shape}");
        }

        if (_unlisted > 0)
        {
            _errors.Add(new TopologyError(TopologyFile.DocumentElementId, TopologyErrorCodes.Invalid,
                $"{_unlisted} more problems are not listed; fix the first {MaxListedErrors} and read the file again"));
        }
        return new TopologyParseResult(new TopologyDocument(specs, _declared.Count > 0 ? [.. _declared.Values] : null), _errors) { Gaps = _gaps.IsEmpty ? ReadGaps.None : _gaps };
    }

    // A file that is not a topology at all gets this one message; whatever else was noticed on the way would only distract.
    private static TopologyParseResult Refuse(FileNode? at, string message) =>
        new(null, [new TopologyError(TopologyFile.DocumentElementId, TopologyErrorCodes.Syntax, (at?.Where ?? "") + message)]);

    private TwinSpec? ReadTwin(FileNode node, int index)
    {
        var label = $"twins[{index}]";
        if (node is not MappingNode element)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"each twin must be a mapping with at least 'id' and 'kind', not {node.Shape}");
            return null;
        }

        var id = ReadId(element, label);
        label = id ?? label;
        var fields = Fields(element, label, TwinKeys, "");
        var kind = ReadKind(fields.GetValueOrDefault("kind"), element, label);
        var parent = Text(fields.GetValueOrDefault("parent"), label, "parent") is { } named && !string.IsNullOrWhiteSpace(named) ? named : null;
        var name = Text(fields.GetValueOrDefault("name"), label, "name");
        var position = ReadPosition(fields.GetValueOrDefault("position"), label);
        var rated = ReadRated(fields.GetValueOrDefault("rated"), label, id);
        var limits = ReadLimits(fields.GetValueOrDefault("limits"), label);
        var tags = ReadList(fields.GetValueOrDefault("tags"), label, "tags");
        var feeds = ReadFeeds(fields.GetValueOrDefault("power"), label);
        var cooling = ReadList(fields.GetValueOrDefault("cooling"), label, "cooling");
        var runsOn = ReadList(fields.GetValueOrDefault("runsOn"), label, "runsOn");

        if (id is null) return null;
        if (kind is null)
        {
            _gaps.Unreadable.Add((id, parent));
            return null;
        }
        return new TwinSpec(id, kind.Value.Kind, parent, name, rated, limits, tags, position, feeds, cooling, runsOn,
            kind.Value.Declared?.Name, kind.Value.Declared?.Wear);
    }

    private string? ReadId(MappingNode element, string label)
    {
        var node = element.Entries.FirstOrDefault(e => e.Key == "id").Value;
        if (node is ScalarNode { Text: { } text } && !string.IsNullOrWhiteSpace(text)) return text;
        Error(label, TopologyErrorCodes.InvalidId, node ?? element, node is null ? "the twin has no 'id'" : $"'id' must be a single non-empty value, not {node.Shape}");
        return null;
    }

    private (TwinKind Kind, DeclaredKind? Declared)? ReadKind(FileNode? node, MappingNode element, string label)
    {
        if (node is ScalarNode { Text: { } text })
        {
            if (TwinKinds.TryParse(text, out var kind)) return (kind, null);
            if (_declared.TryGetValue(text.Trim(), out var declared)) return (declared.Base, declared);
        }
        var problem = node switch
        {
            null => "the twin has no 'kind'",
            ScalarNode { Text: { } unknown } => $"unknown kind '{unknown}'",
            _ => $"'kind' must be a single value, not {node.Shape}",
        };
        var known = _declared.Count == 0 ? KnownKinds : $"{KnownKinds}; declared here: {string.Join(", ", _declared.Keys)}";
        Error(label, TopologyErrorCodes.UnknownKind, node ?? element, $"{problem}; known kinds: {known}");
        return null;
    }

    // The document's own kinds, read before its twins so that a twin may name one.
    private void ReadKinds(FileNode? node)
    {
        if (node is null or ScalarNode { Text: null }) return;
        if (node is not SequenceNode list)
        {
            Error("kinds", TopologyErrorCodes.Invalid, node, $"'kinds' must be a list like [{{ name: machine, base: server }}], not {node.Shape}");
            return;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            Spend(list.Items[i], 1);
            if (ReadDeclaredKind(list.Items[i], $"kinds[{i}]") is { } kind) _declared[kind.Name] = kind;
        }
    }

    private DeclaredKind? ReadDeclaredKind(FileNode node, string label)
    {
        if (node is not MappingNode map)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"each declared kind must be a mapping like {{ name: machine, base: server }}, not {node.Shape}");
            return null;
        }
        var fields = Fields(map, label, KindKeys, "");
        var name = Text(fields.GetValueOrDefault("name"), label, "name")?.Trim();
        var baseName = Text(fields.GetValueOrDefault("base"), label, "base");
        var description = Text(fields.GetValueOrDefault("description"), label, "description");
        if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace))
        {
            Error(label, TopologyErrorCodes.Invalid, fields.GetValueOrDefault("name") ?? map, "a declared kind needs a 'name' without spaces");
            return null;
        }
        label = $"kinds.{name}";
        var wear = ReadWear(fields.GetValueOrDefault("wear"), label);
        if (TwinKinds.TryParse(name, out _))
        {
            Error(label, TopologyErrorCodes.Invalid, fields["name"], $"'{name}' is a built-in kind; a declared kind needs a name of its own");
            return null;
        }
        if (_declared.ContainsKey(name))
        {
            Error(label, TopologyErrorCodes.Invalid, fields["name"], $"the kind '{name}' is declared more than once");
            return null;
        }
        if (!TwinKinds.TryParse(baseName, out var baseKind))
        {
            Error(label, TopologyErrorCodes.UnknownKind, fields.GetValueOrDefault("base") ?? map,
                $"'base' must name the built-in kind whose place '{name}' takes ({KnownKinds}), not '{baseName}'");
            return null;
        }
        return new DeclaredKind(name, baseKind, description, wear);
    }

    private List<WearSignalSpec>? ReadWear(FileNode? node, string label)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        if (node is not SequenceNode list)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"'wear' must be a list like [{{ metric: vibration_mm_s, direction: rising }}], not {node.Shape}");
            return null;
        }
        var signals = new List<WearSignalSpec>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not MappingNode map)
            {
                Error(label, TopologyErrorCodes.Invalid, list.Items[i], $"wear[{i}] must be a mapping like {{ metric: vibration_mm_s, direction: rising }}, not {list.Items[i].Shape}");
                continue;
            }
            var fields = Fields(map, label, WearKeys, $"wear[{i}].");
            var metric = Text(fields.GetValueOrDefault("metric"), label, "metric");
            var direction = Text(fields.GetValueOrDefault("direction"), label, "direction")?.Trim().ToLowerInvariant();
            double? failAt = fields.TryGetValue("failAt", out var failNode) ? Number(failNode) : null;
            if (string.IsNullOrWhiteSpace(metric)) Error(label, TopologyErrorCodes.Invalid, map, $"wear[{i}] needs a 'metric'");
            else if (direction is not ("rising" or "falling")) Error(label, TopologyErrorCodes.Invalid, fields.GetValueOrDefault("direction") ?? map, $"wear[{i}].direction must be 'rising' or 'falling'");
            else if (failNode is not null && failAt is null) Error(label, TopologyErrorCodes.Invalid, failNode, $"wear[{i}].failAt must be a number, not {failNode.Shape}");
            else signals.Add(new WearSignalSpec(metric.Trim(), direction == "rising", failAt));
        }
        return signals;
    }

    private RackPosition? ReadPosition(FileNode? node, string label)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        if (node is not MappingNode map)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"'position' must be a mapping like {{ row: A, slot: 1 }}, not {node.Shape}");
            return null;
        }
        var fields = Fields(map, label, PositionKeys, "position.");
        var row = Text(fields.GetValueOrDefault("row"), label, "position.row");
        if (string.IsNullOrWhiteSpace(row))
        {
            Error(label, TopologyErrorCodes.Invalid, map, "'position' needs a non-empty 'row'");
        }
        int? slot = null;
        switch (fields.GetValueOrDefault("slot"))
        {
            case null:
                Error(label, TopologyErrorCodes.Invalid, map, "'position' needs a 'slot' (a whole number)");
                break;
            case ScalarNode { Text: { } text } when int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                slot = parsed;
                break;
            case var other:
                Error(label, TopologyErrorCodes.Invalid, other, $"position.slot must be a whole number, not {other.Shape}");
                break;
        }
        return string.IsNullOrWhiteSpace(row) || slot is null ? null : new RackPosition(row, slot.Value);
    }

    private Dictionary<string, double>? ReadRated(FileNode? node, string label, string? id)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        if (node is not MappingNode map)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"'rated' must be a mapping of property names to numbers, not {node.Shape}");
            return null;
        }
        // The default comparer is ordinal already, and a dictionary without a custom comparer travels lightest in grain calls.
        var rated = new Dictionary<string, double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Spend(map, map.Entries.Count);
        foreach (var (property, valueNode) in map.Entries)
        {
            if (!seen.Add(property))
            {
                Error(label, TopologyErrorCodes.Invalid, valueNode, $"rated.{property} is given more than once");
            }
            else if (Number(valueNode) is { } value)
            {
                rated[property] = value;
            }
            else
            {
                Error(label, TopologyErrorCodes.InvalidCapacity, valueNode, $"rated.{property} must be a number, not {valueNode.Shape}");
                if (id is not null) _gaps.UnreadableRated.Add((id, property));
            }
        }
        return rated;
    }

    private Dictionary<string, MetricLimit>? ReadLimits(FileNode? node, string label)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        if (node is not MappingNode map)
        {
            Error(label, TopologyErrorCodes.Invalid, node, $"'limits' must map metric names to {{ warnAbove, criticalAbove, warnBelow, criticalBelow }}, not {node.Shape}");
            return null;
        }
        var limits = new Dictionary<string, MetricLimit>();
        Spend(map, map.Entries.Count);
        foreach (var (metric, limitNode) in map.Entries)
        {
            if (limits.ContainsKey(metric))
            {
                Error(label, TopologyErrorCodes.Invalid, limitNode, $"limits.{metric} is given more than once");
                continue;
            }
            if (limitNode is not MappingNode limitMap)
            {
                Error(label, TopologyErrorCodes.Invalid, limitNode, $"limits.{metric} must be a mapping like {{ warnAbove: 27, criticalAbove: 32 }}, not {limitNode.Shape}");
                continue;
            }
            var fields = Fields(limitMap, label, LimitKeys, $"limits.{metric}.");
            limits[metric] = new MetricLimit(
                Bound(fields, "warnAbove", label, metric),
                Bound(fields, "criticalAbove", label, metric),
                Bound(fields, "warnBelow", label, metric),
                Bound(fields, "criticalBelow", label, metric));
        }
        return limits;
    }

    private double? Bound(Dictionary<string, FileNode> fields, string key, string label, string metric)
    {
        if (!fields.TryGetValue(key, out var node) || node is ScalarNode { Text: null }) return null;
        if (Number(node) is { } value) return value;
        Error(label, TopologyErrorCodes.InvalidCapacity, node, $"limits.{metric}.{key} must be a number, not {node.Shape}");
        return null;
    }

    private List<PowerFeed>? ReadFeeds(FileNode? node, string label)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        var items = node is SequenceNode sequence ? sequence.Items : [node];
        var feeds = new List<PowerFeed>();
        Spend(node, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            // A feed's path defaults to its place in the list: the first cord is the A feed, the second the B feed.
            var defaultPath = ((char)('A' + Math.Min(i, 25))).ToString();
            switch (items[i])
            {
                case ScalarNode { Text: { } source } when !string.IsNullOrWhiteSpace(source):
                    feeds.Add(new PowerFeed(source, defaultPath));
                    break;
                case MappingNode map:
                    var fields = Fields(map, label, FeedKeys, $"power[{i}].");
                    var source2 = Text(fields.GetValueOrDefault("source"), label, $"power[{i}].source");
                    var path = Text(fields.GetValueOrDefault("path"), label, $"power[{i}].path");
                    if (string.IsNullOrWhiteSpace(source2))
                    {
                        Error(label, TopologyErrorCodes.InvalidRelation, map, $"power[{i}] needs a 'source': the id of the PDU or UPS feeding it");
                    }
                    else
                    {
                        feeds.Add(new PowerFeed(source2, string.IsNullOrWhiteSpace(path) ? defaultPath : path));
                    }
                    break;
                default:
                    Error(label, TopologyErrorCodes.InvalidRelation, items[i], $"power[{i}] must be a source id or a mapping like {{ source: pdu-a01-a, path: A }}, not {items[i].Shape}");
                    break;
            }
        }
        return feeds;
    }

    private List<string>? ReadList(FileNode? node, string label, string key)
    {
        if (node is null or ScalarNode { Text: null }) return null;
        // A single value is read as a list of one: `tags: production` means what the author meant.
        var items = node is SequenceNode sequence ? sequence.Items : [node];
        var values = new List<string>();
        Spend(node, items.Count);
        foreach (var item in items)
        {
            if (item is ScalarNode { Text: { } text } && !string.IsNullOrWhiteSpace(text)) values.Add(text);
            else Error(label, TopologyErrorCodes.Invalid, item, $"'{key}' must be a list of non-empty values; found {item.Shape}");
        }
        return values;
    }

    private string? Text(FileNode? node, string label, string key)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode scalar:
                return scalar.Text;
            default:
                Error(label, TopologyErrorCodes.Invalid, node, $"'{key}' must be a single value, not {node.Shape}");
                return null;
        }
    }

    /// <summary>The entries of <paramref name="map"/> by key; duplicated and unknown keys are reported and left out.</summary>
    private Dictionary<string, FileNode> Fields(MappingNode map, string label, string[] known, string prefix)
    {
        var fields = new Dictionary<string, FileNode>(StringComparer.Ordinal);
        Spend(map, map.Entries.Count);
        foreach (var (key, value) in map.Entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                if (!Listing)
                {
                    // Past the listed errors only the count matters; skip building messages nobody will read.
                    _unlisted++;
                    continue;
                }
                Error(label, TopologyErrorCodes.Invalid, value, $"unknown key '{prefix}{key}' (known keys: {string.Join(", ", known)})");
            }
            else if (!fields.TryAdd(key, value))
            {
                Error(label, TopologyErrorCodes.Invalid, value, $"'{prefix}{key}' is given more than once");
            }
        }
        return fields;
    }

    private void Spend(FileNode at, int values)
    {
        _budget -= values;
        if (_budget < 0)
        {
            throw new TopologySyntaxException(
                "the file expands to far more values than its size (aliases naming big blocks many times); write the values out", at.Line, at.Column);
        }
    }

    private static double? Number(FileNode node)
    {
        if (node is not ScalarNode { Text: { } raw }) return null;
        var text = raw.Trim();
        // YAML spells the special floats .inf and .nan; they are read so the validator can name them as non-finite.
        switch (text.ToLowerInvariant())
        {
            case ".inf" or "+.inf": return double.PositiveInfinity;
            case "-.inf": return double.NegativeInfinity;
            case ".nan": return double.NaN;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private bool Listing => _errors.Count < MaxListedErrors;

    private void Error(string label, string code, FileNode at, string message)
    {
        if (Listing) _errors.Add(new TopologyError(label, code, at.Where + message));
        else _unlisted++;
    }
}
