using DigitalTwin.Testing.Postgres;

namespace DigitalTwin.Silo.Tests;

/// <summary>The real deployment: the silo process on PostgreSQL (migrated at start) keeps twins and readings across a restart.</summary>
public sealed class Silo_process_on_postgres_keeps_twins_across_restart(PostgresDatabase database)
    : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("dt-silo-pg-").FullName;

    [Fact]
    public async Task Imported_twins_and_last_readings_survive_a_stop_and_start_on_postgres()
    {
        var output = await Silo_process_keeps_twins_across_restart.RestartKeepsTwinsAsync(_workDir, new Dictionary<string, string>
        {
            ["DigitalTwin:Storage:Provider"] = "Postgres",
            ["DigitalTwin:Storage:ConnectionString"] = database.ConnectionString,
        });
        Assert.DoesNotContain("SQLite", output, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(_workDir, "data", "digitaltwin.db")), "a PostgreSQL silo must not write the embedded store");
    }

    public void Dispose()
    {
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
