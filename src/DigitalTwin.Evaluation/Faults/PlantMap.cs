namespace DigitalTwin.Evaluation.Faults;

/// <summary>
/// The twin's topology as the evaluation needs it: every twin's kind (wire name, lower case) and parent, to tell
/// which twins a fault can touch (a server's parts, a rack's servers, a CRAC's room).
/// </summary>
public sealed class PlantMap
{
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal) { "datacentre", "room", "row", "rack", "service" };
    private readonly Dictionary<string, (string Kind, string? Parent)> _twins;

    /// <summary>Builds the map from (id, kind, parent id) entries; kinds are compared case-insensitively.</summary>
    public PlantMap(IEnumerable<(string Id, string Kind, string? ParentId)> entries)
    {
        _twins = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var (id, kind, parent) in entries) _twins[id] = (kind.ToLowerInvariant(), parent);
    }

    /// <summary>Whether the twin is known.</summary>
    public bool Contains(string twinId) => _twins.ContainsKey(twinId);

    /// <summary>The twin's kind (lower case), or null when unknown.</summary>
    public string? KindOf(string twinId) => _twins.TryGetValue(twinId, out var t) ? t.Kind : null;

    /// <summary>The twin's parent, or null.</summary>
    public string? ParentOf(string twinId) => _twins.TryGetValue(twinId, out var t) ? t.Parent : null;

    /// <summary>The twin itself or its nearest ancestor of <paramref name="kind"/>, or null.</summary>
    public string? Enclosing(string twinId, string kind)
    {
        for (var id = twinId; id is not null; id = ParentOf(id))
        {
            if (KindOf(id) == kind) return id;
        }
        return null;
    }

    /// <summary>Whether <paramref name="twinId"/> is <paramref name="rootId"/> or below it.</summary>
    public bool IsWithin(string twinId, string rootId)
    {
        for (var id = twinId; id is not null; id = ParentOf(id))
        {
            if (id == rootId) return true;
        }
        return false;
    }

    /// <summary>The twins below <paramref name="parentId"/> one level down.</summary>
    public IEnumerable<string> ChildrenOf(string parentId) => _twins.Where(t => t.Value.Parent == parentId).Select(t => t.Key);

    /// <summary>Twins that report telemetry of their own (assets and components, not containers or services).</summary>
    public IEnumerable<string> ReportingTwins => _twins.Where(t => !Containers.Contains(t.Value.Kind)).Select(t => t.Key);
}
