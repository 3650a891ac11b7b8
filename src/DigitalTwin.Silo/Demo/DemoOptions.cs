namespace DigitalTwin.Silo.Demo;

/// <summary>Settings of the demo (section <c>DigitalTwin:Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Whether the demo runs; <c>--demo</c> turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The topology imported on first start (when the live graph is empty). Relative paths are tried against the working directory, the content root and the repository root.</summary>
    public string Topology { get; set; } = "samples/demo-datacentre.yaml";

    /// <summary>How often every simulated device publishes.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(2);
}
