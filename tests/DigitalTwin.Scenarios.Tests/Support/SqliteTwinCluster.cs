using DigitalTwin.Grains;
using DigitalTwin.Grains.Hosting;
using DigitalTwin.Grains.Scenarios;
using DigitalTwin.Persistence.Serialization;
using DigitalTwin.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.TestingHost;

namespace DigitalTwin.Scenarios.Tests.Support;

/// <summary>
/// A one-silo in-process cluster whose twins persist to the product's embedded SQLite store in a temporary file, so
/// a test can compare the stored rows byte for byte. Scenarios are bounded tightly: two held at once, shadows kept
/// for four seconds.
/// </summary>
public sealed class SqliteTwinCluster : IAsyncLifetime
{
    public const int MaxConcurrent = 2;
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    private readonly string _folder = Directory.CreateTempSubdirectory("dt-scenarios-").FullName;
    private InProcessTestCluster? _cluster;

    public string DatabasePath => Path.Combine(_folder, "twins.db");

    public IClusterClient Client => _cluster!.Client;

    /// <summary>Every stored row (state name, grain id, version, payload), ordered.</summary>
    public IReadOnlyList<(string State, string Grain, long Version, byte[] Payload)> Rows()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, grain_id, version, payload FROM grain_state ORDER BY state_name, grain_id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, long, byte[])>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3)));
        return rows;
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TwinStateJsonSerializer>();
            silo.Services.AddGrainStorage(TwinStorage.Name, (services, name) => new SqliteGrainStorage(name, DatabasePath,
                services.GetRequiredService<TwinStateJsonSerializer>(), services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
            silo.UseInMemoryReminderService();
            silo.AddDigitalTwinGrains(options =>
            {
                options.RollupInterval = TimeSpan.FromMilliseconds(100);
                options.CheckpointInterval = TimeSpan.FromMilliseconds(300);
                options.HistoryGrace = TimeSpan.Zero;
                options.HistoryFlushAge = TimeSpan.Zero;
            });
            silo.Services.Configure<ScenarioOptions>(options =>
            {
                options.MaxConcurrent = MaxConcurrent;
                options.Lifetime = Lifetime;
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
