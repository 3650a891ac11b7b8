namespace DataCentreSimulator.Plant;

/// <summary>A server fan. Bearing wear shows as a slow loss of speed that accelerates until the fan stops.</summary>
internal sealed class Fan(string id, Server server)
{
    public string Id { get; } = id;
    public Server Server { get; } = server;

    /// <summary>Speed at full drive, rpm.</summary>
    public double MaxRpm { get; set; } = 12_000;

    /// <summary>Fraction of speed lost to wear, 0 (new) to 1.</summary>
    public double Wear { get; set; }

    public bool Failed { get; set; }

    public double Rpm => Failed ? 0 : MaxRpm * Server.FanFraction * (1 - Wear) * (Server.Running ? 1 : 0);
}
