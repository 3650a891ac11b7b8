using DigitalTwin.Persistence.Audit;
using DigitalTwin.Persistence.Migrations;
using DigitalTwin.Testing.Postgres;
using Npgsql;

namespace DigitalTwin.Persistence.Tests.Audit;

/// <summary>
/// The production store's audit table (created by the migrator): tampering is found at the exact entry, and two
/// writers standing for two silos appending at once still write one chain.
/// </summary>
public sealed class Audit_chain_names_the_tampered_entry_on_PostgreSQL(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task An_edited_a_deleted_and_a_reordered_entry_are_each_named_exactly()
    {
        var connectionString = await MigratedAsync("tamper");
        await AuditTampering.TamperEachWayAndExpectTheExactEntryAsync(SqlAuditLog.ForPostgres(connectionString), async () =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        });
    }

    [Fact]
    public async Task Appends_from_two_silos_and_many_callers_form_one_valid_chain()
    {
        var connectionString = await MigratedAsync("concurrent");
        await AuditTampering.ConcurrentAppendsStayOneChainAsync([SqlAuditLog.ForPostgres(connectionString), SqlAuditLog.ForPostgres(connectionString)], perCaller: 15);
    }

    private async Task<string> MigratedAsync(string purpose)
    {
        var connectionString = await database.CreateAnotherAsync(purpose);
        await new SchemaMigrator(connectionString).MigrateAsync();
        return connectionString;
    }
}
