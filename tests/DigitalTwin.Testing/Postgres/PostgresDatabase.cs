using Xunit;

namespace DigitalTwin.Testing.Postgres;

/// <summary>
/// A class fixture giving a test class a fresh, empty database on the shared server (see <see cref="PostgresServer"/>),
/// plus further fresh databases on request; all of them are dropped, and the server released, when the class is done.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly List<string> _created = [];
    private string _admin = "";

    /// <summary>The connection string of the class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates another empty database, dropped with the fixture.</summary>
    public async Task<string> CreateAnotherAsync(string purpose)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(_admin, purpose);
        lock (_created)
        {
            _created.Add(connectionString);
        }

        return connectionString;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _admin = await PostgresServer.AcquireAsync();
        ConnectionString = await CreateAnotherAsync("class");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            foreach (var connectionString in _created)
            {
                await PostgresServer.DropDatabaseAsync(_admin, connectionString);
            }
        }
        finally
        {
            await PostgresServer.ReleaseAsync();
        }
    }
}
