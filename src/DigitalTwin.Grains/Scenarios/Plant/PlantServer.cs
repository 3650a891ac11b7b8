using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A server: its power now (scaled by any load change) and the feeds it hangs on.</summary>
internal sealed class PlantServer
{
    public required string Id { get; init; }
    public required string RackId { get; init; }
    public required double PowerW { get; set; }
    public required IReadOnlyList<PowerFeed> Feeds { get; init; }

    /// <summary>Whether at least one of its feeds is live (set by the power model).</summary>
    public bool Powered { get; set; } = true;

    /// <summary>How many of its feeds are live, on distinct paths (set by the power model).</summary>
    public int LivePaths { get; set; }
}
