namespace DigitalTwin.Silo.Demo;

/// <summary>
/// The data-centre simulator (samples/DataCentreSimulator) the demo starts as a process of its own (section
/// <c>DigitalTwin:Demo:Simulator</c>). The silo never runs its physics: it only starts it, points it at the silo's
/// broker and clock, and stops it.
/// </summary>
public sealed class DemoSimulatorOptions
{
    /// <summary>The simulator's <c>DataCentreSimulator.dll</c>; default: the one built beside this checkout.</summary>
    public string? Path { get; set; }

    /// <summary>Servers of a generated data centre (when <see cref="DemoOptions.Topology"/> is empty).</summary>
    public int Servers { get; set; } = 500;

    /// <summary>Rooms of a generated data centre.</summary>
    public int Rooms { get; set; } = 2;

    /// <summary>Seed of the generated layout, workload, noise and random faults.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Simulated seconds between two telemetry batches.</summary>
    public double Interval { get; set; } = 5;

    /// <summary>
    /// Simulated seconds between two readings of the components (CPUs, memory, disks, fans, PSUs: seven in eight of the
    /// demo's twins); 0 for every batch. Servers, racks, CRACs and power report every <see cref="Interval"/>. At every
    /// batch a loaded two-core machine fell 87 s behind the demo's telemetry within two minutes of starting.
    /// </summary>
    public double ComponentInterval { get; set; } = 15;

    /// <summary>Where the simulator writes its ground truth (JSON lines); none when empty.</summary>
    public string? Truth { get; set; }

    /// <summary>
    /// More simulator options, passed through as they are (for example <c>--fault-schedule random --fault-days 7</c>
    /// or <c>--fault-at 600:crac_failure:crac-a1</c>); split on spaces.
    /// </summary>
    public string? ExtraArguments { get; set; }
}
