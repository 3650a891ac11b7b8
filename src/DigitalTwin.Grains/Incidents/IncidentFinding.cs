using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Incidents;

/// <summary>One group of alerts with its probable cause, as the correlator found it on one pass.</summary>
public sealed record IncidentFinding(
    IncidentCause Cause,
    string CauseTwinId,
    TwinKind CauseKind,
    string Summary,
    IReadOnlyList<TwinAlert> Alerts);
