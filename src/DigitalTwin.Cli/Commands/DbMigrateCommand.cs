using System.CommandLine;
using DigitalTwin.Persistence.Hosting;
using DigitalTwin.Persistence.Migrations;
using Npgsql;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>dt db migrate --connection "..."</c>: brings a PostgreSQL database up to this build's schema.</summary>
internal static class DbMigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = "Npgsql connection string of the database, e.g. \"Host=db;Database=digitaltwin;Username=twin;Password=...\".",
            Required = true,
        };
        var command = new Command("migrate", "Apply the schema scripts (deploy/postgresql) that the database has not applied yet.");
        command.Options.Add(connection);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var migrator = new SchemaMigrator(StorageSettings.WithPoolCap(parseResult.GetValue(connection)!));
            try
            {
                var result = await migrator.MigrateAsync(cancellationToken);
                foreach (var script in result.Applied)
                {
                    Console.WriteLine($"applied {script}");
                }

                Console.WriteLine(result.UpToDate
                    ? $"up to date ({result.AlreadyApplied.Count} scripts applied earlier)"
                    : $"applied {result.Applied.Count} script(s) in {result.Elapsed.TotalMilliseconds:F0} ms; {result.AlreadyApplied.Count} were applied earlier");
                return 0;
            }
            catch (SchemaMigrationException e)
            {
                Console.Error.WriteLine($"dt db migrate: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                Console.Error.WriteLine($"dt db migrate: cannot migrate the database: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
