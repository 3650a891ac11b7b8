using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// A rack or CRAC where it stands on its room's floor (TEAM contract 1: x along the row, y across rows, metres).
/// A rack carries its <see cref="Rollup"/> and inlet limits, a CRAC its latest <see cref="Metrics"/>: the same
/// shapes the change feed carries, so a page applies a snapshot and a later change alike.
/// </summary>
public sealed record FloorTwin(
    string Id,
    TwinKind Kind,
    string? Name,
    string Row,
    int Slot,
    double X,
    double Y,
    HealthStatus Health,
    string? HealthReason,
    int OpenAlerts,
    TwinRollup? Rollup,
    IReadOnlyDictionary<string, double> Metrics,
    InletLimits? Inlet);
