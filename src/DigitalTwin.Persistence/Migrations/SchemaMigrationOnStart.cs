using Microsoft.Extensions.Logging;

namespace DigitalTwin.Persistence.Migrations;

/// <summary>
/// Runs the migrator as the very first step of silo start-up, before membership, reminders and grain storage
/// load their query texts from the database.
/// </summary>
internal sealed class SchemaMigrationOnStart(string connectionString, ILogger<SchemaMigrator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationOnStart), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var result = await new SchemaMigrator(connectionString, logger: logger).MigrateAsync(cancellationToken);
        if (result.UpToDate)
        {
            logger.LogInformation("PostgreSQL schema up to date ({Count} scripts applied earlier)", result.AlreadyApplied.Count);
        }
        else
        {
            logger.LogInformation("PostgreSQL schema migrated: applied {Scripts} in {Elapsed} ms",
                string.Join(", ", result.Applied), (int)result.Elapsed.TotalMilliseconds);
        }
    }
}
