using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Grains.TopologyDirectory;

/// <summary>
/// The persisted directory of one scope: every twin's kind and parent, the version, and the change being applied
/// when there is one. The directory always shows the target shape; <see cref="Pending"/> says members may lag.
/// </summary>
[GenerateSerializer]
public sealed class TopologyState
{
    /// <summary>Grows with every applied change.</summary>
    [Id(0)] public long Version { get; set; }

    /// <summary>Id → kind and parent.</summary>
    [Id(1)] public Dictionary<string, TopologyEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A change recorded before its members were touched, cleared when all of them are.</summary>
    [Id(2)] public PendingChange? Pending { get; set; }
}
