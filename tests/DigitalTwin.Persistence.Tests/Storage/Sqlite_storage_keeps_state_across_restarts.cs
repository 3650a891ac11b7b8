using DigitalTwin.Persistence.Tests.Grains;
using DigitalTwin.Persistence.Tests.Silos;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Tests.Storage;

public sealed class Sqlite_storage_keeps_state_across_restarts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dt-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_folder, "nested", "twins.db");

    [Fact]
    public async Task State_written_by_one_host_is_read_by_the_next_over_the_same_file()
    {
        await using (var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath)))
        {
            var counter = silo.Grains.GetGrain<ICounterGrain>("rack-a/server-1");
            await counter.AddAsync(5, "first");
            await counter.AddAsync(2, "second");
        }

        await using (var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath)))
        {
            var state = await silo.Grains.GetGrain<ICounterGrain>("rack-a/server-1").GetAsync();
            Assert.Equal(7, state.Value);
            Assert.Equal(["first", "second"], state.Notes);
            Assert.True(double.IsNaN(state.Reading));
            Assert.Equal(0, (await silo.Grains.GetGrain<ICounterGrain>("never-written").GetAsync()).Value);
        }
    }

    [Fact]
    public async Task The_silo_says_where_the_file_is_and_how_to_switch_to_PostgreSQL()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath));

        var line = Assert.Single(silo.Logs.Lines, l => l.Contains("embedded SQLite", StringComparison.Ordinal));
        Assert.Contains(Path.GetFullPath(DatabasePath), line);
        Assert.Contains("DigitalTwin:Storage:Provider=Postgres", line);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_one_row_per_state_and_grain()
    {
        await using (var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath)))
        {
            await silo.Grains.GetGrain<ICounterGrain>("a").AddAsync(1, "x");
            await silo.Grains.GetGrain<ICounterGrain>("a").AddAsync(1, "y");
            await silo.Grains.GetGrain<ICounterGrain>("b").AddAsync(1, "z");
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, await ScalarAsync(connection, $"SELECT count(*) FROM grain_state WHERE state_name = '{CounterGrain.StateName}'"));
        Assert.Equal(2L, await ScalarAsync(connection, $"SELECT version FROM grain_state WHERE grain_id LIKE '%/a'"));
    }

    [Fact]
    public async Task Stale_and_missing_etags_are_refused()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath));
        await GrainStorageConformance.WritesReadsAndRefusesStaleEtags(silo.Storage);
    }

    [Fact]
    public async Task One_of_many_concurrent_writers_wins()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath));
        await GrainStorageConformance.LetsOneOfManyConcurrentWritersWin(silo.Storage);
    }

    [Fact]
    public async Task Writes_arriving_together_are_committed_together_and_each_keeps_its_own_version_check()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Sqlite(DatabasePath));
        var stale = GrainStorageConformance.NewGrainId();
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await silo.Storage.WriteStateAsync("batched", stale, first);
        var staleWriter = new GrainState<CounterState>(new CounterState { Value = -1 }) { ETag = "999" };
        var ids = Enumerable.Range(0, 600).Select(_ => GrainStorageConformance.NewGrainId()).ToArray();

        // 600 first writes and one stale one at once: more than one batch, the stale one in among them.
        var writes = ids.Select((id, i) => silo.Storage.WriteStateAsync("batched", id, new GrainState<CounterState>(new CounterState { Value = i }))).ToList();
        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync("batched", stale, staleWriter));
        await Task.WhenAll(writes);
        await refused;

        for (var i = 0; i < ids.Length; i += 37)
        {
            var read = new GrainState<CounterState>();
            await silo.Storage.ReadStateAsync("batched", ids[i], read);
            Assert.Equal(i, read.State!.Value);
            Assert.Equal("1", read.ETag);
        }
        var kept = new GrainState<CounterState>();
        await silo.Storage.ReadStateAsync("batched", stale, kept);
        Assert.Equal(1, kept.State!.Value);
    }

    [Fact]
    public async Task An_unusable_file_path_stops_the_silo_with_the_path_and_the_setting_named()
    {
        var blocker = Path.Combine(_folder, "blocker");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var path = Path.Combine(blocker, "twins.db");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(TestSilo.Sqlite(path)));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(path, messages);
        Assert.Contains("DigitalTwin:Storage:SqlitePath", messages);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
