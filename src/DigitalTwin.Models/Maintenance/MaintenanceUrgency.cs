namespace DigitalTwin.Models.Maintenance;

/// <summary>How soon someone has to act on a twin, from no action to act now.</summary>
public enum MaintenanceUrgency
{
    /// <summary>Nothing points at a failure.</summary>
    None,

    /// <summary>Wear is visible but failure is weeks away: put it in the next maintenance plan.</summary>
    Plan,

    /// <summary>Failure within days, or repeated anomalies: book a maintenance slot.</summary>
    Schedule,

    /// <summary>Failure within the urgent window (48 hours by default): replace or service before it goes.</summary>
    Urgent,

    /// <summary>The metric is already past its failure threshold.</summary>
    Immediate,
}
