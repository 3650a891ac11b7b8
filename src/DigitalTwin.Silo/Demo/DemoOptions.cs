namespace DigitalTwin.Silo.Demo;

/// <summary>Settings of the demo (section <c>DigitalTwin:Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Whether the demo runs; <c>--demo</c> turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The topology imported on first start (when the live graph is empty) and simulated. Relative paths are tried
    /// against the working directory, the content root and the repository root. Empty: the simulator generates a data
    /// centre of <see cref="DemoSimulatorOptions.Servers"/> servers in <see cref="DemoSimulatorOptions.Rooms"/> rooms
    /// from <see cref="DemoSimulatorOptions.Seed"/>, and that is imported.
    /// </summary>
    public string? Topology { get; set; } = "samples/demo-datacentre.yaml";

    /// <summary>The simulator's fault schedule (YAML or JSON); empty for none. Resolved like <see cref="Topology"/>.</summary>
    public string? Faults { get; set; } = "samples/demo-faults.yaml";

    /// <summary>The data-centre simulator the demo runs as a child process.</summary>
    public DemoSimulatorOptions Simulator { get; set; } = new();
}
