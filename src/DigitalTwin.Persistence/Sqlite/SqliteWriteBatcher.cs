using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Persistence.Sqlite;

/// <summary>
/// Group commit for the SQLite storage. SQLite has one writer at a time and every commit costs a round of locking and
/// journal work, so writes queue here and one loop commits whatever has queued as one transaction (up to
/// <see cref="MaxBatch"/> rows), on one connection it keeps open. Each row keeps its own version check: a stale writer
/// still gets its conflict, the others in the batch are unaffected. A thousand twins written at once (an import, a
/// checkpoint wave) cost a few commits instead of a thousand.
/// </summary>
internal sealed class SqliteWriteBatcher : IAsyncDisposable
{
    /// <summary>The most rows one transaction commits.</summary>
    public const int MaxBatch = 1024;

    private readonly Func<Task<SqliteConnection>> _open;
    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteWriteBatcher(Func<Task<SqliteConnection>> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a write or clear; completes with the stored version, or null on a version conflict.</summary>
    public Task<long?> SubmitAsync(SqliteWrite write)
    {
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(SqliteWriteBatcher));
        return write.Stored.Task;
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<SqliteWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write)) batch.Add(write);
                try
                {
                    connection ??= await _open();
                    await CommitAsync(connection, batch);
                }
                catch (Exception error)
                {
                    // The transaction failed as a whole (disk full, file gone): every row of it failed; start afresh.
                    foreach (var write in batch) write.Stored.TrySetException(error);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private static async Task CommitAsync(SqliteConnection connection, List<SqliteWrite> batch)
    {
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var outcomes = new long?[batch.Count];
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                Prepare(command, batch[i], now);
                outcomes[i] = await command.ExecuteScalarAsync() is long v ? v : null;
            }
            await transaction.CommitAsync();
        }
        // Only once committed: a writer must never be told its row is stored when the transaction did not make it.
        for (var i = 0; i < batch.Count; i++) batch[i].Stored.TrySetResult(outcomes[i]);
    }

    private static void Prepare(SqliteCommand command, SqliteWrite write, string now)
    {
        if (write.Clear)
        {
            // The row stays, without payload and with a new version, so a writer holding the old ETag conflicts.
            command.CommandText = """
                UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = $now
                 WHERE state_name = $state AND grain_id = $grain AND version = $version
                RETURNING version
                """;
            command.Parameters.AddWithValue("$version", write.ExpectedVersion ?? -1);
        }
        else if (write.ExpectedVersion is null)
        {
            // A first write: only if no row exists, not even a cleared one.
            command.CommandText = """
                INSERT INTO grain_state (state_name, grain_id, version, payload, modified_at)
                VALUES ($state, $grain, 1, $payload, $now)
                ON CONFLICT (state_name, grain_id) DO NOTHING
                RETURNING version
                """;
            command.Parameters.AddWithValue("$payload", write.Payload!);
        }
        else
        {
            command.CommandText = """
                UPDATE grain_state SET payload = $payload, version = version + 1, modified_at = $now
                 WHERE state_name = $state AND grain_id = $grain AND version = $version
                RETURNING version
                """;
            command.Parameters.AddWithValue("$version", write.ExpectedVersion.Value);
            command.Parameters.AddWithValue("$payload", write.Payload!);
        }
        command.Parameters.AddWithValue("$state", write.StateName);
        command.Parameters.AddWithValue("$grain", write.GrainId);
        command.Parameters.AddWithValue("$now", now);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
