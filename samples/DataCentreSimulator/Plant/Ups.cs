namespace DataCentreSimulator.Plant;

/// <summary>An uninterruptible power supply: mains in, battery behind it for its rated runtime at full load.</summary>
internal sealed class Ups(string id, double capacityW, double batteryRuntimeS, string path) : PowerNode(id, capacityW, path)
{
    /// <summary>Battery runtime at full load, s.</summary>
    public double BatteryRuntimeS { get; } = batteryRuntimeS;

    /// <summary>Whether its mains input is lost (a feed failure).</summary>
    public bool InputLost { get; set; }

    /// <summary>Battery charge, 0..1.</summary>
    public double Battery { get; set; } = 1;

    public bool OnBattery => !Failed && (InputLost || (Upstream is { IsLive: false }));

    public override bool IsLive => !Failed && (!OnBattery || Battery > 0);

    public override double InputVoltage => OnBattery ? 0 : NominalVoltage;
}
