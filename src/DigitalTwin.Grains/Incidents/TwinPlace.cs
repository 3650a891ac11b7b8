using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Incidents;

/// <summary>
/// Where an alerting twin stands in the topology, as far as incidents care: its own kind, the asset it belongs to
/// (itself for an asset), the rack and room around it, the cooling units that serve that rack and the power sources
/// that feed it.
/// </summary>
public sealed record TwinPlace(
    string TwinId,
    TwinKind Kind,
    string AssetId,
    TwinKind AssetKind,
    string? RackId,
    string? RoomId,
    IReadOnlyList<string> CoolingUnits,
    IReadOnlyList<string> PowerSources);
