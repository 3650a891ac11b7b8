using Microsoft.Extensions.Logging;

namespace DigitalTwin.Persistence.Hosting;

/// <summary>Warns at start-up that the Memory provider keeps nothing: an operator should never find out after a restart.</summary>
internal sealed class VolatileStorageNotice(string storageName, ILogger<VolatileStorageNotice> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(VolatileStorageNotice), ServiceLifecycleStage.RuntimeStorageServices, _ =>
        {
            logger.LogWarning(
                "Grain storage '{Storage}' is in memory (DigitalTwin:Storage:Provider=Memory): every twin is lost when this silo stops. " +
                "Use Sqlite (the default) or Postgres to keep them.", storageName);
            return Task.CompletedTask;
        });
}
