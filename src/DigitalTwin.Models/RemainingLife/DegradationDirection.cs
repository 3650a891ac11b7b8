namespace DigitalTwin.Models.RemainingLife;

/// <summary>Which way a metric moves as the thing it measures wears out.</summary>
public enum DegradationDirection
{
    /// <summary>Failure lies above the threshold (temperatures, error counts, vibration).</summary>
    Rising,

    /// <summary>Failure lies below the threshold (fan speed, battery charge, free capacity).</summary>
    Falling,
}
