using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Sqlite;

/// <summary>
/// Grain storage in a local SQLite file: the embedded default that lets a single silo keep its twins across
/// restarts with nothing to install. One row per (state name, grain id); the row's version is the ETag, and every
/// write or clear must present the version it read, so a stale writer gets <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly Lazy<Task> _ready;

    // SQLite has one writer at a time: writes queue for one loop that commits them in batches (group commit), which is
    // cheaper than letting them spin on SQLITE_BUSY and than one transaction per write.
    private readonly SqliteWriteBatcher _writes;

    // Reads run synchronously inside Microsoft.Data.Sqlite, each on a pooled connection with its own page cache (up to
    // 2 MB) that the pool keeps for minutes: thousands of activations at once grew the pool, and the process's native
    // memory, with every thread that happened to be reading. At most this many read at once; more would only queue
    // for the same cores.
    private static readonly int MaxConcurrentReads = Math.Max(4, 2 * Environment.ProcessorCount);
    private readonly SemaphoreSlim _readers = new(MaxConcurrentReads, MaxConcurrentReads);

    /// <summary>Creates the storage over a database file (created with its folder if missing).</summary>
    public SqliteGrainStorage(string name, string path, IGrainStorageSerializer serializer, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
        _ready = new Lazy<Task>(CreateSchemaAsync);
        _writes = new SqliteWriteBatcher(() => OpenConnectionAsync(forWriting: true));
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.RuntimeStorageServices, OpenAsync, CloseAsync);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _ready.Value;
        await _readers.WaitAsync();
        try
        {
            await ReadAsync(stateName, grainId, grainState);
        }
        finally
        {
            _readers.Release();
        }
    }

    private async Task ReadAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            Reset(grainState, etag: null);
            return;
        }

        var version = reader.GetInt64(0);
        if (reader.IsDBNull(1))
        {
            Reset(grainState, Etag(version));
            return;
        }

        grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _ready.Value;
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag is null ? (long?)null : ParseEtag(grainState.ETag);
        var stored = await _writes.SubmitAsync(new SqliteWrite(stateName, grainId.ToString(), expected, payload, clear: false));

        if (stored is null)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = Etag(stored.Value);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _ready.Value;
        if (grainState.ETag is null)
        {
            // Nothing was ever read or written: clearing is a no-op unless someone else created the row meanwhile.
            var current = new GrainState<T>();
            await ReadStateAsync(stateName, grainId, current);
            if (current.ETag is not null)
            {
                throw Conflict("clear", stateName, grainId, null);
            }

            Reset(grainState, etag: null);
            return;
        }

        var stored = await _writes.SubmitAsync(new SqliteWrite(stateName, grainId.ToString(), ParseEtag(grainState.ETag), payload: null, clear: true));

        if (stored is null)
        {
            throw Conflict("clear", stateName, grainId, grainState.ETag);
        }

        Reset(grainState, Etag(stored.Value));
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _ready.Value;
        _logger.LogInformation(
            "Grain storage '{Storage}' is the embedded SQLite file {Path}: state survives restarts of this single silo. " +
            "To share state between silos, set DigitalTwin:Storage:Provider=Postgres and DigitalTwin:Storage:ConnectionString.",
            _name, FilePath);
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        // Commit what is queued, then release pooled handles so the file can be copied, moved or deleted once the silo is down.
        await _writes.DisposeAsync();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task CreateSchemaAsync()
    {
        try
        {
            var folder = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            // WAL: readers never wait for the writer, and a crash mid-write leaves the last committed state intact.
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS grain_state (
                    state_name  TEXT    NOT NULL,
                    grain_id    TEXT    NOT NULL,
                    version     INTEGER NOT NULL,
                    payload     BLOB    NULL,
                    modified_at TEXT    NOT NULL,
                    PRIMARY KEY (state_name, grain_id)
                );
                """;
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot use {FilePath} as the SQLite grain storage '{_name}' (set by DigitalTwin:Storage:SqlitePath): {e.Message}", e);
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(bool forWriting = false)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        if (!forWriting) return connection;
        // In WAL mode NORMAL syncs at checkpoints rather than on every commit: a crashed process loses nothing,
        // a power cut at most the last commits, and a write costs ~0.1 ms instead of a disk flush (~4 ms here),
        // which thousands of twins checkpointing on a cadence need. The setting is per connection.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    private void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long ParseEtag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' was not issued by the SQLite grain storage.", "", etag);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? held) =>
        new($"Version conflict ({operation}) on '{stateName}' of {grainId} in SQLite storage '{_name}': the stored version is not the one this grain read.",
            "unknown", held ?? "none");
}
