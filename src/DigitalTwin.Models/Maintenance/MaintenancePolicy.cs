namespace DigitalTwin.Models.Maintenance;

/// <summary>The windows and thresholds behind <see cref="MaintenanceAdvisor"/>'s advice. The defaults suit a staffed data centre.</summary>
public sealed record MaintenancePolicy
{
    /// <summary>A failure expected within this window is urgent.</summary>
    public TimeSpan UrgentWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>A failure expected within this window gets a booked slot.</summary>
    public TimeSpan ScheduleWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A failure expected within this window goes into the maintenance plan.</summary>
    public TimeSpan PlanWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A forecast whose probability of failing within its horizon reaches this counts as failing by the horizon's end.</summary>
    public double ActionProbability { get; init; } = 0.5;

    /// <summary>This many open anomalies call for an inspection even without a failure forecast.</summary>
    public int AnomaliesForInspection { get; init; } = 3;

    /// <summary>
    /// Kinds that are swapped rather than repaired (matched case-insensitively); advice for them says "Replace",
    /// for anything else "Service".
    /// </summary>
    public IReadOnlySet<string> ReplaceableKinds { get; init; } =
        new HashSet<string>(["fan", "psu", "disk", "memory", "cpu", "battery", "filter"], StringComparer.OrdinalIgnoreCase);
}
