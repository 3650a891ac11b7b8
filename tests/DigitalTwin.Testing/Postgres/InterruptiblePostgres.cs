using DigitalTwin.Cli.Client;
using Npgsql;

namespace DigitalTwin.Testing.Postgres;

/// <summary>
/// A PostgreSQL server of one test's own (never the shared one, whose other users would fail), which the test may
/// stop and start again to stage an outage. Disposing stops it and removes its folder.
/// </summary>
public sealed class InterruptiblePostgres : IAsyncDisposable
{
    private readonly LocalPostgres _server;

    private InterruptiblePostgres(LocalPostgres server) => _server = server;

    /// <summary>A superuser connection string to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => _server.AdminConnectionString;

    /// <summary>Starts a fresh server on a free loopback port.</summary>
    public static async Task<InterruptiblePostgres> StartAsync() => new(await Task.Run(LocalPostgres.Start));

    /// <summary>Stops the server; connections fail until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => Task.Run(_server.Pause);

    /// <summary>Starts the stopped server again, with its data, on the same port.</summary>
    public Task StartAgainAsync() => Task.Run(_server.Restart);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string purpose) => PostgresServer.CreateDatabaseAsync(AdminConnectionString, purpose);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Task.Run(_server.Stop);
    }
}
