using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// The graph as it would be after an upsert: the incoming elements over the existing entries. Lookups are O(1), so
/// every rule runs in time linear in the document (plus the ancestors it walks once).
/// </summary>
internal sealed class MergedGraph(IReadOnlyDictionary<string, TopologyEntry> existing)
{
    private readonly Dictionary<string, IncomingTwin> _incoming = new(StringComparer.Ordinal);
    private readonly List<IncomingTwin> _order = [];

    /// <summary>The existing graph.</summary>
    public IReadOnlyDictionary<string, TopologyEntry> Existing { get; } = existing;

    /// <summary>The incoming elements admitted (valid, first occurrence of each id), in document order.</summary>
    public IReadOnlyList<IncomingTwin> Incoming => _order;

    /// <summary>Adds an incoming element; false when its id was already added.</summary>
    public bool Admit(IncomingTwin twin)
    {
        if (!_incoming.TryAdd(twin.Id, twin)) return false;
        _order.Add(twin);
        return true;
    }

    /// <summary>The incoming element with <paramref name="id"/>, or null.</summary>
    public IncomingTwin? IncomingById(string id) => _incoming.GetValueOrDefault(id);

    /// <summary>Whether a twin with <paramref name="id"/> exists in the document or the existing graph; its kind when known.</summary>
    public bool TryResolve(string? id, out TwinKind? kind)
    {
        kind = null;
        if (string.IsNullOrEmpty(id)) return false;
        if (_incoming.TryGetValue(id, out var twin))
        {
            kind = twin.Kind;
            return true;
        }
        if (Existing.TryGetValue(id, out var entry))
        {
            kind = entry.Kind;
            return true;
        }
        return false;
    }

    /// <summary>The parent after the upsert: the document's when the twin is in it, the existing one otherwise.</summary>
    public string? ParentOf(string id) =>
        _incoming.TryGetValue(id, out var twin) ? twin.ParentId
        : Existing.TryGetValue(id, out var entry) ? entry.ParentId
        : null;
}
