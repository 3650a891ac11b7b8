namespace DigitalTwin.Abstractions.Health;

/// <summary>A twin's health, ordered so that the larger value is the worse one (rollups take the maximum).</summary>
public enum HealthStatus
{
    /// <summary>No reading yet, or readings have gone stale.</summary>
    Unknown = 0,
    /// <summary>Within limits, no open anomaly.</summary>
    Ok = 1,
    /// <summary>A warning limit is crossed, or an anomaly is open.</summary>
    Warning = 2,
    /// <summary>A critical limit is crossed, or failure is predicted soon.</summary>
    Critical = 3,
    /// <summary>The device reports itself failed or is offline.</summary>
    Failed = 4,
}
