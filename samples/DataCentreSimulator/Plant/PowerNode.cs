namespace DataCentreSimulator.Plant;

/// <summary>A node of the power tree (UPS or PDU): live when it has not failed and its upstream delivers.</summary>
internal abstract class PowerNode(string id, double capacityW, string path)
{
    public string Id { get; } = id;

    /// <summary>Rated capacity, W.</summary>
    public double CapacityW { get; } = capacityW;

    /// <summary>The feed path label (A, B) it belongs to.</summary>
    public string Path { get; set; } = path;

    /// <summary>What feeds it; null for a node fed from the utility.</summary>
    public PowerNode? Upstream { get; set; }

    public bool Failed { get; set; }

    /// <summary>Power drawn through it this step, W.</summary>
    public double LoadW { get; set; }

    /// <summary>Whether it delivers power.</summary>
    public abstract bool IsLive { get; }

    /// <summary>Voltage at its input, V (0 when the input is lost).</summary>
    public abstract double InputVoltage { get; }

    /// <summary>Nominal voltage of the distribution, V.</summary>
    public const double NominalVoltage = 230;
}
