using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DigitalTwin.Persistence.Migrations;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build ships: applies, in name order, every script not yet
/// recorded in <c>dt_schema_history</c>, each in its own transaction together with its history row. Scripts
/// already applied are verified by checksum and never re-run; an edited one stops the run.
/// </summary>
/// <remarks>
/// Every step holds a transaction-scoped advisory lock, so silos starting together take turns: the first applies
/// a script, the others then find it recorded and move on.
/// </remarks>
public sealed class SchemaMigrator
{
    /// <summary>The table that records applied scripts.</summary>
    public const string HistoryTable = "dt_schema_history";

    // Any constant works as long as nothing else in the database uses it for another purpose ("DTSchema").
    private const long AdvisoryLockKey = 0x4454_5363_6865_6D61;

    private readonly string _connectionString;
    private readonly IReadOnlyList<SchemaScript> _scripts;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for a database.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="scripts">The scripts to apply; the embedded ones when null.</param>
    /// <param name="logger">Where to report applied scripts.</param>
    public SchemaMigrator(string connectionString, IReadOnlyList<SchemaScript>? scripts = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _scripts = (scripts ?? SchemaScripts.Embedded()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (_scripts.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != _scripts.Count)
        {
            throw new ArgumentException("Two schema scripts have the same name.", nameof(scripts));
        }

        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Applies the scripts that are not applied yet.</summary>
    /// <exception cref="SchemaMigrationException">An applied script changed, or a script failed (nothing of it stays).</exception>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var applied = new List<string>();
        await using var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new SchemaMigrationException($"Cannot connect to PostgreSQL ({Describe(_connectionString)}): {e.Message}", e);
        }

        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            await ExecuteAsync(connection, transaction, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                    script     text        NOT NULL PRIMARY KEY,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var history = (await ReadHistoryAsync(connection, transaction, cancellationToken)).ToDictionary(a => a.Name, StringComparer.Ordinal);
            RefuseEditedScripts(history);

            var next = _scripts.FirstOrDefault(s => !history.ContainsKey(s.Name));
            if (next is null)
            {
                await transaction.CommitAsync(cancellationToken);
                var already = _scripts.Select(s => s.Name).Except(applied, StringComparer.Ordinal).ToList();
                return new MigrationResult(applied, already, clock.Elapsed);
            }

            await ApplyAsync(connection, transaction, next, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(next.Name);
            _logger.LogInformation("Applied schema script {Script} (sha256 {Checksum})", next.Name, next.Checksum);
        }
    }

    /// <summary>The scripts recorded as applied, in name order; empty when the database was never migrated.</summary>
    public async Task<IReadOnlyList<AppliedScript>> ReadHistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", HistoryTable);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return [];
        }

        return await ReadHistoryAsync(connection, null, cancellationToken);
    }

    // Where the migrator went, without the password, for error messages.
    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host {builder.Host}, port {builder.Port}, database {builder.Database ?? "(default)"}, user {builder.Username ?? "(default)"}";
    }

    private void RefuseEditedScripts(IReadOnlyDictionary<string, AppliedScript> history)
    {
        foreach (var script in _scripts)
        {
            if (history.TryGetValue(script.Name, out var recorded) && recorded.Checksum != script.Checksum)
            {
                throw new SchemaMigrationException(
                    $"Schema script {script.Name} was applied on {recorded.AppliedAt:u} with checksum {recorded.Checksum}, " +
                    $"but this build's copy has checksum {script.Checksum}. Applied scripts must never be edited: " +
                    "restore the original text and put the change in a new, higher-numbered script.");
            }
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaScript script, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new SchemaMigrationException(
                $"Schema script {script.Name} failed and was rolled back: {e.SqlState} {e.MessageText}" +
                (e.Position > 0 ? $" (at character {e.Position})" : ""), e);
        }

        await using var record = new NpgsqlCommand(
            $"INSERT INTO {HistoryTable} (script, checksum) VALUES (@script, @checksum)", connection, transaction);
        record.Parameters.AddWithValue("script", script.Name);
        record.Parameters.AddWithValue("checksum", script.Checksum);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<AppliedScript>> ReadHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT script, checksum, applied_at FROM {HistoryTable} ORDER BY script", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AppliedScript>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AppliedScript(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // Schema changes on a large table may take a while; the default 30 s would abort them half-way.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
