using Npgsql;

namespace DigitalTwin.Persistence.Tests.Clustering;

/// <summary>Direct reads of the schema, to check what the providers stored.</summary>
internal static class Database
{
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Status of each silo incarnation of a cluster, by silo port: 3 Active, 6 Dead.</summary>
    public static async Task<Dictionary<int, int>> ActiveAndDeadAsync(string connectionString, string clusterId, int status)
    {
        var rows = await RowsAsync(connectionString,
            "SELECT port, status FROM dt_membership WHERE cluster_id = @c AND status = @s", ("c", clusterId), ("s", status));
        return rows.ToDictionary(r => (int)r[0]!, r => (int)r[1]!);
    }
}
