using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.TopologyDirectory;

/// <summary>
/// The member operations of one change. Every operation is idempotent, so the whole change can be repeated from the
/// start until it completes: after a failure halfway, on the next call, on a retry timer, or on activation.
/// </summary>
[GenerateSerializer]
public sealed class PendingChange
{
    /// <summary>Twins to create or update, parents before children.</summary>
    [Id(0)] public List<TwinSpec> Provisions { get; set; } = [];

    /// <summary>Twins changing parent.</summary>
    [Id(1)] public List<PendingMove> Moves { get; set; } = [];

    /// <summary>Twins to remove, children before parents, with the parent each had.</summary>
    [Id(2)] public List<TopologyEntry> Removals { get; set; } = [];

    /// <summary>The version the change produced.</summary>
    [Id(3)] public long Version { get; set; }

    /// <summary>When the change was recorded.</summary>
    [Id(4)] public DateTimeOffset RecordedAt { get; set; }

    /// <summary>
    /// The ids among <see cref="Provisions"/> that the directory did not hold: an import writes their first states to
    /// storage in bulk rather than activating each twin to provision it.
    /// </summary>
    [Id(5)] public List<string> Created { get; set; } = [];
}
