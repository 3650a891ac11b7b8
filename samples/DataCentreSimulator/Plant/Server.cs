namespace DataCentreSimulator.Plant;

/// <summary>
/// A server: a lumped thermal mass cooled by its own fans (Erden, Khalifa and Schmidt 2014: capacitance plus
/// effectiveness), power that follows utilisation, PSUs on the A and B feeds, and its components.
/// </summary>
internal sealed class Server(string id, Rack rack)
{
    public string Id { get; } = id;
    public Rack Rack { get; } = rack;

    /// <summary>Height of the server in its rack, 0 (bottom) to 1 (top): exhaust coming back reaches the top first.</summary>
    public double Height { get; set; }

    public double IdlePowerW { get; set; } = 160;
    public double PeakPowerW { get; set; } = 430;

    /// <summary>Power of the server's fans at full speed, W (fan power ∝ speed³).</summary>
    public double FanPeakPowerW { get; set; } = 36;

    /// <summary>Air mass flow at full fan speed, kg/s, sized for about 13 K rise at peak power.</summary>
    public double MaxAirflowKgS { get; set; } = 0.036;

    /// <summary>Heat capacity of chassis, boards and heat sinks, J/K (several minutes' time constant at normal airflow).</summary>
    public double HeatCapacity { get; set; } = 9_000;

    /// <summary>Heat-exchange effectiveness between the server's mass and the air through it.</summary>
    public const double Effectiveness = 0.8;

    public List<Psu> Psus { get; } = [];
    public List<Fan> Fans { get; } = [];
    public List<Disk> Disks { get; } = [];
    public List<string> CpuIds { get; } = [];
    public string? MemoryId { get; set; }

    /// <summary>The workload's level and phase, drawn once from the seed.</summary>
    public double BaseUtilisation { get; set; } = 0.4;
    public double NoiseState { get; set; }

    // ---- state, true values ----
    public bool Running { get; set; } = true;
    /// <summary>Stopped by its own over-temperature protection (inlet above 45 °C) rather than by power.</summary>
    public bool ThermalTrip { get; set; }
    public double Utilisation { get; set; }
    public double PowerW { get; set; }
    public double MassC { get; set; } = 35;
    public double InletC { get; set; } = 21;
    public double OutletC { get; set; } = 33;
    public double FanFraction { get; set; } = 0.45;
    public double AirflowKgS { get; set; }
    public double Recirculation { get; set; }

    // ---- faults acting on it ----
    /// <summary>Extra utilisation from a workload spike, 0..1.</summary>
    public double SpikeUtilisation { get; set; }
    /// <summary>Whether its air path is blocked (the planted "hot spot": a missing blanking panel, a cable bundle).</summary>
    public bool AirflowBlocked { get; set; }
}
