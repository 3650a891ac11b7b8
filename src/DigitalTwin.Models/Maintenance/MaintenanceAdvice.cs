namespace DigitalTwin.Models.Maintenance;

/// <summary>
/// What to do about a twin and by when: the <see cref="Action"/> in words ("Replace fan within 48 hours"), its
/// <see cref="Urgency"/>, the deadline <see cref="MaintainBy"/> (null when no action is needed) and the evidence behind it.
/// </summary>
public sealed record MaintenanceAdvice(
    MaintenanceUrgency Urgency,
    string Action,
    DateTimeOffset? MaintainBy,
    IReadOnlyList<string> Evidence);
