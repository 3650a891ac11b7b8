using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Grains;
using DigitalTwin.Persistence.Tests.Clustering;
using DigitalTwin.Persistence.Tests.Silos;
using DigitalTwin.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using static DigitalTwin.Persistence.Tests.Twins.SmallGraph;

namespace DigitalTwin.Persistence.Tests.Twins;

/// <summary>
/// The checks on the real twins: a graph served by silos sharing PostgreSQL survives a full restart of the
/// cluster and the loss of a silo, and is one graph whichever silo is asked.
/// </summary>
public sealed class Twins_survive_with_PostgreSQL(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private Dictionary<string, string?> Settings() =>
        FastCadences(TestSilo.Postgres(database.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..10]));

    [Fact]
    public async Task Twin_state_and_history_survive_stopping_every_silo_and_starting_new_ones()
    {
        var settings = Settings();
        Dictionary<string, (double, string)> before;
        await using (var first = await TestSilo.StartAsync(settings))
        await using (var second = await TestSilo.StartAsync(settings))
        {
            await ImportAsync(first.Grains);
            await FeedAsync(second.Grains);
            before = await SettledAsync(first.Grains);
        }

        // Nothing but PostgreSQL carries the twins from the old silos to the new ones.
        var stored = await Database.RowsAsync(database.ConnectionString,
            "SELECT count(*) FROM dt_grain_state WHERE service_id = @s AND state_name = @n AND payload IS NOT NULL",
            ("s", settings["DigitalTwin:Cluster:ServiceId"]!), ("n", TwinStorage.States.Asset));
        Assert.Equal((long)Servers, stored[0][0]);

        await using var third = await TestSilo.StartAsync(settings);
        await using var fourth = await TestSilo.StartAsync(settings);

        AssertSameTwins(before, await ReadAllAsync(fourth.Grains));
        var children = await third.Grains.GetGrain<IRackGrain>(Rack).GetChildrenAsync();
        Assert.Equal(ServerIds, children.Select(c => c.Id).Order());
        Assert.Equal(Servers + 3, (await third.Grains.GetLiveTopology().GetViewAsync()).Entries.Count);
    }

    [Fact]
    public async Task Two_silos_sharing_membership_serve_one_graph()
    {
        var settings = Settings();
        await using var first = await TestSilo.StartAsync(settings);
        await using var second = await TestSilo.StartAsync(settings);

        var version = await ImportAsync(first.Grains);
        await FeedAsync(first.Grains);

        AssertSameTwins(await SettledAsync(first.Grains), await ReadAllAsync(second.Grains));
        Assert.Equal(version, await second.Grains.GetLiveTopology().GetVersionAsync());
    }

    [Fact]
    public async Task Stopping_one_silo_leaves_every_twin_reachable_through_the_other()
    {
        var settings = Settings();
        await using var first = await TestSilo.StartAsync(settings);
        await using var second = await TestSilo.StartAsync(settings);
        await ImportAsync(first.Grains);
        await FeedAsync(first.Grains);
        var before = await SettledAsync(first.Grains);
        var firstAddress = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var onFirst = (await first.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [firstAddress]))
            .Count(g => g.GrainId.Key.ToString()!.StartsWith("pg-", StringComparison.Ordinal));
        Assert.True(onFirst > 0, "some twins live on the silo about to stop");

        await first.StopAsync();

        var after = await Eventually.Until(() => ReadAllAsync(second.Grains), _ => true, "every twin answers through the remaining silo");
        AssertSameTwins(before, after);
        Assert.Equal(Servers, (await second.Grains.GetGrain<IRackGrain>(Rack).GetChildrenAsync()).Count);
    }
}
