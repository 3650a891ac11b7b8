using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>
/// The topology directory of one scope: <see cref="TopologyScopes.Live"/> for the live twin, or a scenario id for a
/// shadow copy. It is the single writer of the graph's shape: imports and live add, move and remove go through it,
/// so parent and child stay consistent on both sides even when a call fails halfway (an interrupted change is
/// recorded first and driven to completion on the next call or activation).
/// </summary>
[RequiresRole(TwinRole.Admin)]
public interface ITopologyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the whole document against itself and the current graph, then applies it: new twins are created,
    /// existing ones updated (and moved when their parent changed). If any element is invalid nothing is applied.
    /// </summary>
    /// <remarks>
    /// Thousands of twins take minutes on a busy machine: the call waits up to ten minutes rather than the default
    /// response timeout, so a caller learns when the twins exist instead of guessing.
    /// </remarks>
    [ResponseTimeout("00:10:00")]
    Task<TopologyChangeResult> ImportAsync(TopologyDocument document);

    /// <summary>Adds one twin under an existing parent.</summary>
    Task<TopologyChangeResult> AddAsync(TwinSpec spec);

    /// <summary>Moves a twin, keeping its id, under another parent of a kind that may contain it.</summary>
    Task<TopologyChangeResult> MoveAsync(string twinId, string newParentId);

    /// <summary>Removes a twin; with <paramref name="recursive"/> false a twin that has children is refused.</summary>
    Task<TopologyChangeResult> RemoveAsync(string twinId, bool recursive = false);

    /// <summary>The kind and parent of a twin, or null when it does not exist.</summary>
    [RequiresRole(TwinRole.Viewer)]
    Task<TopologyEntry?> ResolveAsync(string twinId);

    /// <summary>The whole directory at its current version.</summary>
    [RequiresRole(TwinRole.Viewer)]
    Task<TopologyView> GetViewAsync();

    /// <summary>The current version; it grows with every applied change.</summary>
    [RequiresRole(TwinRole.Viewer)]
    Task<long> GetVersionAsync();
}

/// <summary>Well-known keys of <see cref="ITopologyGrain"/>.</summary>
public static class TopologyScopes
{
    /// <summary>The key of the live topology.</summary>
    public const string Live = "live";

    /// <summary>The key of the topology grain for a twin key's scope.</summary>
    public static string Of(TwinKey key) => key.ScenarioId ?? Live;
}
