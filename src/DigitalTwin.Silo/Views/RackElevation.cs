using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>A rack's elevation (<c>GET /api/views/rack/{rackId}</c>): its height, rollup, inlet limits and assets.</summary>
public sealed record RackElevation(
    string RackId,
    string? Name,
    string? RoomId,
    int HeightU,
    HealthStatus Health,
    string? HealthReason,
    TwinRollup? Rollup,
    InletLimits Inlet,
    IReadOnlyList<RackedAsset> Assets,
    DateTimeOffset AsOf);
