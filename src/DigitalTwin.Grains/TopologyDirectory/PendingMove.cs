using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.TopologyDirectory;

/// <summary>One twin changing parent within a pending change.</summary>
[GenerateSerializer]
public sealed class PendingMove
{
    /// <summary>The twin.</summary>
    [Id(0)] public string TwinId { get; set; } = "";
    /// <summary>Its kind.</summary>
    [Id(1)] public TwinKind Kind { get; set; }
    /// <summary>The parent it leaves.</summary>
    [Id(2)] public string? OldParentId { get; set; }
    /// <summary>The parent it joins.</summary>
    [Id(3)] public string NewParentId { get; set; } = "";
}
