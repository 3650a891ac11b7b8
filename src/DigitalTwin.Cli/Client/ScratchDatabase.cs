using DigitalTwin.Persistence.Hosting;
using DigitalTwin.Persistence.Migrations;
using Npgsql;

namespace DigitalTwin.Cli.Client;

/// <summary>
/// A PostgreSQL database made for one run and dropped after it: on the server a connection string names (a user
/// allowed to create databases), or on a private server started for the run (<see cref="LocalPostgres"/>), the way
/// the tests reach PostgreSQL. The twin's schema is applied before it is handed out.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly LocalPostgres? _server;

    private ScratchDatabase(string admin, LocalPostgres? server, string connectionString)
    {
        _admin = admin;
        _server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The scratch database's connection string (pool capped).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates and migrates a database named <c>dt_&lt;purpose&gt;_&lt;pid&gt;</c>.</summary>
    public static async Task<ScratchDatabase> CreateAsync(string? serverConnectionString, string purpose, CancellationToken cancellationToken)
    {
        var server = string.IsNullOrWhiteSpace(serverConnectionString) ? await Task.Run(LocalPostgres.Start, cancellationToken) : null;
        var admin = server?.AdminConnectionString ?? serverConnectionString!;
        var name = $"dt_{purpose}_{Environment.ProcessId}";
        try
        {
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var connectionString = StorageSettings.WithPoolCap(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
            await new SchemaMigrator(connectionString).MigrateAsync(cancellationToken);
            return new ScratchDatabase(admin, server, connectionString);
        }
        catch
        {
            server?.Stop();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            if (_server is not null) return;
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            _server?.Stop();
        }
    }
}
