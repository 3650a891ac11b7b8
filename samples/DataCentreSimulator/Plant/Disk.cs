namespace DataCentreSimulator.Plant;

/// <summary>A disk with its SMART counters (cumulative; they only ever grow).</summary>
internal sealed class Disk(string id, Server server)
{
    public string Id { get; } = id;
    public Server Server { get; } = server;

    public double ReallocatedSectors { get; set; }
    public double PendingSectors { get; set; }

    /// <summary>Whether the disk has died (it no longer answers, so it publishes nothing).</summary>
    public bool Failed { get; set; }
}
