namespace DataCentreSimulator.Plant;

/// <summary>
/// A computer-room air conditioner on the floor: a fan that moves air by the affinity laws, a coil whose capacity
/// depends on return temperature and airflow, and a compressor whose efficiency improves with supply temperature.
/// </summary>
internal sealed class Crac(string id, Room room, double x, double y)
{
    public string Id { get; } = id;
    public Room Room { get; } = room;
    public double X { get; } = x;
    public double Y { get; } = y;

    /// <summary>Cooling capacity at nominal conditions (return <see cref="NominalReturnC"/>, full fan), W.</summary>
    public double CapacityW { get; set; } = 55_000;
    /// <summary>Airflow at 100 % fan, m³/s.</summary>
    public double RatedAirflowM3S { get; set; } = 3.0;
    /// <summary>Fan power at 100 % fan, W.</summary>
    public double RatedFanPowerW { get; set; } = 4_000;
    public double SetpointMinC { get; set; } = 15;
    public double SetpointMaxC { get; set; } = 27;
    public double FanMinPct { get; set; } = 30;
    /// <summary>Time constant of the fan coasting down unpowered when the unit stops, s (0: it stops dead).</summary>
    public double FanCoastDownS { get; set; } = 15;

    /// <summary>Return temperature at which <see cref="CapacityW"/> is rated, °C.</summary>
    public const double NominalReturnC = 30;

    // ---- controls ----
    public double SetpointC { get; set; } = 20;
    public double FanPct { get; set; } = 75;

    // ---- state ----
    public bool Failed { get; set; }
    public double SupplyC { get; set; } = 20;
    public double ReturnC { get; set; } = 30;
    public double CoolingW { get; set; }
    public double CompressorPowerW { get; set; }
    public double FanPowerW { get; set; }
    /// <summary>
    /// The fan's actual speed as a fraction of rated. It follows <see cref="FanPct"/> through the drive's ramp and
    /// coasts down when the unit stops, so a unit's air fades over seconds rather than vanishing in one step.
    /// </summary>
    public double Speed { get; set; } = 0.75;
    public double AirflowM3S => RatedAirflowM3S * Speed;
    public double PowerW => CompressorPowerW + FanPowerW;

    /// <summary>
    /// The unit's supply-air control hunts around its setpoint (valve or compressor-stage cycling): a swing of
    /// <see cref="HuntAmplitudeC"/> with a period of its own, so no two units swing together.
    /// </summary>
    public double HuntAmplitudeC { get; set; } = 0.4;
    /// <summary>Period of the hunting, s (each unit its own, a few to twenty minutes).</summary>
    public double HuntPeriodS { get; set; } = 600;
    /// <summary>Phase of the hunting, radians.</summary>
    public double HuntPhase { get; set; }

    /// <summary>Whether it is saturated: running flat out and still above its setpoint.</summary>
    public bool Saturated { get; set; }
}
