using Npgsql;

namespace DigitalTwin.Persistence.Health;

/// <summary>Clears Npgsql's pool for the silo's connection string (only that pool: other databases are not affected).</summary>
public sealed class NpgsqlPoolReset(string connectionString) : IStoreConnectionReset
{
    /// <inheritdoc />
    public void Reset()
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
