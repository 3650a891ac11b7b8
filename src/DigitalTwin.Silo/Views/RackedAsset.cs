using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// An asset in a rack's elevation: the units it occupies (<c>position_u</c> from the bottom, <c>size_u</c>; null
/// position when the topology gives none), its health and latest values.
/// </summary>
public sealed record RackedAsset(
    string Id,
    TwinKind Kind,
    string? Name,
    int? PositionU,
    int SizeU,
    HealthStatus Health,
    string? HealthReason,
    int OpenAlerts,
    IReadOnlyDictionary<string, double> Metrics);
