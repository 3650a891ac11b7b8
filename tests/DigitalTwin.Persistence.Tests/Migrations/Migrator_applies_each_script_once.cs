using DigitalTwin.Persistence.Migrations;
using DigitalTwin.Testing.Postgres;
using Npgsql;

namespace DigitalTwin.Persistence.Tests.Migrations;

public sealed class Migrator_applies_each_script_once(PostgresDatabase databases) : IClassFixture<PostgresDatabase>
{
    private static readonly IReadOnlyList<SchemaScript> Shipped = SchemaScripts.Embedded();

    [Fact]
    public void The_build_ships_the_numbered_scripts_in_order()
    {
        Assert.Equal(["001_membership.sql", "002_grain_state.sql", "003_reminders.sql", "004_queries.sql", "005_audit.sql"], Shipped.Select(s => s.Name));
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_the_history_keeps_name_checksum_and_time()
    {
        var database = await databases.CreateAnotherAsync("twice");
        var migrator = new SchemaMigrator(database);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(Shipped.Select(s => s.Name), first.Applied);
        Assert.True(second.UpToDate);
        Assert.Equal(Shipped.Select(s => s.Name), second.AlreadyApplied);
        var history = await migrator.ReadHistoryAsync();
        Assert.Equal(Shipped.Select(s => (s.Name, s.Checksum)), history.Select(h => (h.Name, h.Checksum)));
        Assert.All(history, h => Assert.InRange(h.AppliedAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused_and_nothing_runs()
    {
        var database = await databases.CreateAnotherAsync("edited");
        await new SchemaMigrator(database, Shipped.Take(2).ToList()).MigrateAsync();
        var edited = Shipped.Select(s => s.Name == "002_grain_state.sql" ? new SchemaScript(s.Name, s.Text + "\n-- tweak\n") : s).ToList();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database, edited).MigrateAsync());

        Assert.Contains("002_grain_state.sql", error.Message);
        Assert.Contains("new, higher-numbered script", error.Message);
        Assert.Equal(["001_membership.sql", "002_grain_state.sql"], (await new SchemaMigrator(database).ReadHistoryAsync()).Select(h => h.Name));
        Assert.False(await TableExistsAsync(database, "dt_reminder"));
    }

    [Fact]
    public async Task Line_endings_do_not_count_as_an_edit()
    {
        Assert.All(Shipped, s => Assert.Equal(s.Checksum, new SchemaScript(s.Name, s.Text.ReplaceLineEndings("\r\n")).Checksum));
        Assert.NotEqual(Shipped[0].Checksum, new SchemaScript(Shipped[0].Name, Shipped[0].Text + " ").Checksum);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_failing_script_leaves_no_trace_and_the_earlier_ones_stay_applied()
    {
        var database = await databases.CreateAnotherAsync("failing");
        var broken = new SchemaScript("005_broken.sql", "CREATE TABLE dt_half_done (id int); SELECT no_such_function();");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database, [.. Shipped, broken]).MigrateAsync());

        Assert.Contains("005_broken.sql", error.Message);
        Assert.False(await TableExistsAsync(database, "dt_half_done"));
        Assert.Equal(Shipped.Select(s => s.Name), (await new SchemaMigrator(database).ReadHistoryAsync()).Select(h => h.Name));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_every_script_exactly_once()
    {
        var database = await databases.CreateAnotherAsync("concurrent");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new SchemaMigrator(database).MigrateAsync())));

        Assert.Equal(Shipped.Select(s => s.Name).Order(), results.SelectMany(r => r.Applied).Order());
        Assert.Equal(Shipped.Count, (await new SchemaMigrator(database).ReadHistoryAsync()).Count);
    }

    [Fact]
    public async Task Every_script_can_be_run_again_by_hand_without_harm()
    {
        var database = await databases.CreateAnotherAsync("rerun");
        await new SchemaMigrator(database).MigrateAsync();
        var before = await QueryTextsAsync(database);

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            foreach (var script in Shipped)
            {
                await using var command = new NpgsqlCommand(script.Text, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        Assert.Equal(before, await QueryTextsAsync(database));
    }

    [Fact]
    public async Task The_query_table_holds_every_key_the_providers_require_and_no_null_text()
    {
        var database = await databases.CreateAnotherAsync("keys");
        await new SchemaMigrator(database).MigrateAsync();

        var texts = await QueryTextsAsync(database);

        string[] required =
        [
            "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
            "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
            "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Equal(required.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
        Assert.All(texts.Values, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }

    private static async Task<Dictionary<string, string>> QueryTextsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0), reader.GetString(1));
        }

        return texts;
    }

    private static async Task<bool> TableExistsAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
        command.Parameters.AddWithValue("t", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
