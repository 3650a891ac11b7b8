namespace ManufacturingLine;

/// <summary>
/// One machine's physics, as plain as will do: its vibration (RMS velocity, mm/s, ISO 10816) and bearing temperature
/// around their healthy levels with noise; a machine whose bearing wears sees its vibration climb steadily until it
/// passes ISO 10816's 11.2 mm/s (zone D: damage) at <see cref="FailsAt"/>, and its temperature follow late, from friction.
/// </summary>
internal sealed class Machine(string id, double healthyVibration, double healthyTemperature, DateTimeOffset? wearStart, DateTimeOffset? failsAt, Random noise)
{
    private const double DamageVibration = 11.2;

    public string Id { get; } = id;

    /// <summary>When a wearing bearing reaches damage; null for a healthy machine.</summary>
    public DateTimeOffset? FailsAt { get; } = failsAt;

    /// <summary>The machine's readings at <paramref name="at"/>.</summary>
    public (double VibrationMmS, double TemperatureC) Read(DateTimeOffset at)
    {
        var wear = Wear(at);
        // Wear shows first in vibration (a steady rise to damage), then in heat from friction.
        var vibration = healthyVibration + (DamageVibration - healthyVibration) * wear;
        var temperature = healthyTemperature + 25 * wear * wear * wear;
        return (Math.Max(0, vibration + Gauss() * 0.12), temperature + Gauss() * 0.4);
    }

    // 0 before the wear starts, 1 when the bearing reaches damage (and beyond).
    private double Wear(DateTimeOffset at) =>
        wearStart is { } start && FailsAt is { } end && at > start ? (at - start) / (end - start) : 0;

    private double Gauss() => Math.Sqrt(-2 * Math.Log(1 - noise.NextDouble())) * Math.Cos(2 * Math.PI * noise.NextDouble());
}
