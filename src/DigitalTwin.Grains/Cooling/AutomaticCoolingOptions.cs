namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// The automatic mode: when enabled the loop makes and applies recommendations itself, but only within these guard
/// rails, and only when the N+1 check holds.
/// </summary>
public sealed class AutomaticCoolingOptions
{
    /// <summary>Whether recommendations are applied without an operator. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Largest change of any setpoint in one application, °C.</summary>
    public double MaxSetpointStepC { get; set; } = 1.0;

    /// <summary>Largest change of any fan speed in one application, percentage points.</summary>
    public double MaxFanStepPct { get; set; } = 10;

    /// <summary>Shortest time between two automatic applications (twin time).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First hour of the day (UTC, twin time) in which it may act, 0–23.</summary>
    public int FromHour { get; set; }

    /// <summary>Hour of the day (UTC, twin time) from which it no longer acts, 1–24; below <see cref="FromHour"/> the window wraps midnight.</summary>
    public int ToHour { get; set; } = 24;

    /// <summary>Smallest predicted saving worth a change, percent.</summary>
    public double MinSavingPct { get; set; } = 1.0;

    /// <summary>Whether <paramref name="at"/> lies within the allowed hours.</summary>
    public bool AllowsHour(DateTimeOffset at)
    {
        var hour = at.UtcDateTime.Hour;
        return FromHour <= ToHour ? hour >= FromHour && hour < ToHour : hour >= FromHour || hour < ToHour;
    }
}
