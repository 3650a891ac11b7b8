using System.Data.Common;
using System.Text;
using DigitalTwin.Abstractions.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DigitalTwin.Persistence.Audit;

/// <summary>
/// The audit chain in the store's table <c>dt_audit</c>: the embedded SQLite file (one silo) or PostgreSQL (any
/// number of silos). An append reads the last row and inserts the next in one transaction, serialised by a lock in
/// this process and, on PostgreSQL, by an advisory lock every silo takes, so concurrent appends stay one chain.
/// </summary>
public sealed class SqlAuditLog : IAuditLog
{
    // Any constant works as long as nothing else in the database uses it ("DTAudit").
    private const long PostgresLockKey = 0x4454_4175_6469_7400;

    private const string Columns = "seq, time_ms, actor, action, twin_id, detail, prev_hash, hash";

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly string? _lockStatement;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _appending = new(1, 1);

    private SqlAuditLog(Func<CancellationToken, Task<DbConnection>> open, string? lockStatement, TimeProvider? clock)
    {
        _open = open;
        _lockStatement = lockStatement;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The table in an SQLite file (created with the table if missing), beside the grain state.</summary>
    public static SqlAuditLog ForSqlite(string path, TimeProvider? clock = null)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var schema = new Lazy<Task>(async () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS dt_audit (
                    seq INTEGER NOT NULL PRIMARY KEY, time_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    twin_id TEXT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS dt_audit_time ON dt_audit (time_ms);
                """;
            await command.ExecuteNonQueryAsync();
        });
        return new SqlAuditLog(async ct =>
        {
            await schema.Value;
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            return connection;
        }, lockStatement: null, clock);
    }

    /// <summary>The table in PostgreSQL (created by the schema migrator, script 005_audit.sql).</summary>
    public static SqlAuditLog ForPostgres(string connectionString, TimeProvider? clock = null) =>
        new(async ct =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return connection;
        }, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", clock);

    /// <inheritdoc />
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _appending.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _open(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (_lockStatement is not null) await ExecuteAsync(connection, transaction, _lockStatement, cancellationToken);
            var last = (await QueryAsync(connection, transaction, $"SELECT {Columns} FROM dt_audit ORDER BY seq DESC LIMIT 1", [], cancellationToken)).SingleOrDefault();
            var record = AuditChain.Next(last, _clock.GetUtcNow(), entry);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO dt_audit ({Columns}) VALUES (@seq, @time, @actor, @action, @twin, @detail, @prev, @hash)";
                Add(insert, "seq", record.Sequence);
                Add(insert, "time", record.Time.ToUnixTimeMilliseconds());
                Add(insert, "actor", record.Actor);
                Add(insert, "action", record.Action);
                Add(insert, "twin", record.TwinId);
                Add(insert, "detail", record.Detail);
                Add(insert, "prev", record.PreviousHash);
                Add(insert, "hash", record.Hash);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return record;
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {Columns} FROM dt_audit WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (query.From is { } from) { sql.Append(" AND time_ms >= @from"); parameters.Add(("from", from.ToUnixTimeMilliseconds())); }
        if (query.To is { } to) { sql.Append(" AND time_ms < @to"); parameters.Add(("to", to.ToUnixTimeMilliseconds())); }
        if (query.Actor is not null) { sql.Append(" AND actor = @actor"); parameters.Add(("actor", query.Actor)); }
        if (query.TwinId is not null) { sql.Append(" AND twin_id = @twin"); parameters.Add(("twin", query.TwinId)); }
        if (query.Action is not null) { sql.Append(" AND action = @action"); parameters.Add(("action", query.Action)); }
        sql.Append(" ORDER BY seq LIMIT @limit");
        parameters.Add(("limit", (long)Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit)));
        await using var connection = await _open(cancellationToken);
        return await QueryAsync(connection, null, sql.ToString(), parameters, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        return AuditChain.Verify(await QueryAsync(connection, null, $"SELECT {Columns} FROM dt_audit ORDER BY seq", [], cancellationToken));
    }

    private static async Task<List<AuditRecord>> QueryAsync(DbConnection connection, DbTransaction? transaction, string sql,
        IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }
        return records;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
