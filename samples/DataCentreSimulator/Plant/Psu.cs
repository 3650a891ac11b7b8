namespace DataCentreSimulator.Plant;

/// <summary>A power supply unit of a server, corded to one PDU (or UPS): healthy PSUs share the load.</summary>
internal sealed class Psu(string id, Server server, PowerNode? source)
{
    public string Id { get; } = id;
    public Server Server { get; } = server;

    /// <summary>The PDU or UPS its cord is plugged into; null when the topology names none (always powered).</summary>
    public PowerNode? Source { get; } = source;

    /// <summary>Whether the topology has a twin for it (then it publishes).</summary>
    public bool Published { get; init; } = true;

    public bool Failed { get; set; }

    /// <summary>Input power it carries this step, W.</summary>
    public double LoadW { get; set; }

    public bool Available => !Failed && (Source?.IsLive ?? true);
}
