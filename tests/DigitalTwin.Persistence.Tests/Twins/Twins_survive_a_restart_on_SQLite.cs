using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Persistence.Tests.Silos;
using Microsoft.Data.Sqlite;
using static DigitalTwin.Persistence.Tests.Twins.SmallGraph;

namespace DigitalTwin.Persistence.Tests.Twins;

/// <summary>The embedded default: a single silo with no database configured keeps its twins across a restart.</summary>
public sealed class Twins_survive_a_restart_on_SQLite : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dt-sqlite-twins-").FullName;

    [Fact]
    public async Task Twin_state_history_and_topology_are_read_back_by_the_next_host()
    {
        var settings = FastCadences(TestSilo.Sqlite(Path.Combine(_folder, "digitaltwin.db")));
        Dictionary<string, (double, string)> before;
        long version;
        await using (var silo = await TestSilo.StartAsync(settings))
        {
            version = await ImportAsync(silo.Grains);
            await FeedAsync(silo.Grains);
            before = await SettledAsync(silo.Grains);
        }

        await using var next = await TestSilo.StartAsync(settings);

        AssertSameTwins(before, await ReadAllAsync(next.Grains));
        Assert.Equal(version, await next.Grains.GetLiveTopology().GetVersionAsync());
        Assert.Equal(Servers, (await next.Grains.GetGrain<IRackGrain>(Rack).GetChildrenAsync()).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
