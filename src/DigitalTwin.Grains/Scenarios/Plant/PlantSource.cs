using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Scenarios.Plant;

/// <summary>A power source (PDU or UPS): capacity, its own inputs, and whether it failed.</summary>
internal sealed class PlantSource
{
    public required string Id { get; init; }
    public required TwinKind Kind { get; init; }
    public required double CapacityW { get; init; }
    public required IReadOnlyList<PowerFeed> Inputs { get; init; }
    public bool Failed { get; set; }

    /// <summary>Whether it delivers power (not failed and, when it has inputs, at least one is live); set by the power model.</summary>
    public bool Live { get; set; } = true;

    /// <summary>The load it carries, W; set by the power model.</summary>
    public double LoadW { get; set; }

    /// <summary>The path labels it feeds (from the feeds that name it).</summary>
    public SortedSet<string> Paths { get; } = new(StringComparer.Ordinal);
}
