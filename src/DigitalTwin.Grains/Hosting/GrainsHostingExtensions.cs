namespace DigitalTwin.Grains.Hosting;

/// <summary>Adds the twins to a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Registers the twin grains' services and options. The host registers the <see cref="TwinStorage.Name"/> storage.</summary>
    public static ISiloBuilder AddDigitalTwinGrains(this ISiloBuilder silo) => silo;
}
