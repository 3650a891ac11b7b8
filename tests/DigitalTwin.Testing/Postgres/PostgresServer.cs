using DigitalTwin.Cli.Client;
using Npgsql;

namespace DigitalTwin.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests of this process share: the server named by the environment variable
/// <c>DIGITALTWIN_TEST_POSTGRES</c> (a connection string of a user allowed to create databases) when it is set,
/// otherwise a throw-away cluster, started when the first user acquires it and stopped, with its folder removed,
/// when the last one releases it (or, failing that, when the process exits). Tests never share a database: each
/// asks for a fresh one.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable naming an existing server.</summary>
    public const string EnvironmentVariable = "DIGITALTWIN_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgres? _cluster;
    private static string? _admin;
    private static int _users;
    private static int _databases;
    private static bool _exitHooked;

    /// <summary>Starts the server if needed and returns a superuser (or CREATEDB) connection string; pair with <see cref="ReleaseAsync"/>.</summary>
    public static async Task<string> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_admin is null)
            {
                var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    _admin = configured;
                }
                else
                {
                    _cluster = await Task.Run(LocalPostgres.Start);
                    _admin = _cluster.AdminConnectionString;
                    HookProcessExit();
                }
            }

            _users++;
            return _admin;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Releases one <see cref="AcquireAsync"/>; the last release stops a throw-away cluster.</summary>
    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0)
            {
                return;
            }

            _users = 0;
            _admin = null;
            if (_cluster is { } cluster)
            {
                _cluster = null;
                NpgsqlConnection.ClearAllPools();
                await Task.Run(cluster.Stop);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database on an acquired server and returns its connection string (pool capped at 20).</summary>
    public static async Task<string> CreateDatabaseAsync(string adminConnectionString, string purpose)
    {
        var name = $"dt_{Sanitise(purpose)}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string adminConnectionString, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    // A test host that ends without disposing its fixtures must not leave a server running.
    private static void HookProcessExit()
    {
        if (_exitHooked)
        {
            return;
        }

        _exitHooked = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster?.Stop();
    }

    private static string Sanitise(string purpose)
    {
        var cleaned = new string(purpose.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return cleaned.Length > 30 ? cleaned[..30] : cleaned;
    }
}
