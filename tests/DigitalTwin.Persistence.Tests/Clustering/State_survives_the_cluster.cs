using DigitalTwin.Persistence.Tests.Grains;
using DigitalTwin.Persistence.Tests.Silos;
using DigitalTwin.Testing.Postgres;

namespace DigitalTwin.Persistence.Tests.Clustering;

/// <summary>Restarts and silo loss with PostgreSQL membership and storage, on the test grain.</summary>
public sealed class State_survives_the_cluster(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Grains = 24;

    private static string NewClusterId() => "c" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task State_and_reminders_survive_stopping_every_silo_and_starting_new_ones()
    {
        var settings = TestSilo.Postgres(database.ConnectionString, NewClusterId());
        int ticksBefore;
        await using (var first = await TestSilo.StartAsync(settings))
        await using (var second = await TestSilo.StartAsync(settings))
        {
            for (var i = 0; i < Grains; i++)
            {
                await (i % 2 == 0 ? first : second).Grains.GetGrain<ICounterGrain>($"g{i}").AddAsync(i + 1, $"n{i}");
            }

            var ticking = first.Grains.GetGrain<ICounterGrain>("ticking");
            await ticking.StartTickingAsync(TimeSpan.FromSeconds(1));
            ticksBefore = (await Eventually.Until(ticking.GetAsync, s => s.Ticks >= 1, "the reminder fired")).Ticks;
        }

        await using var fresh = await TestSilo.StartAsync(settings);
        for (var i = 0; i < Grains; i++)
        {
            var state = await fresh.Grains.GetGrain<ICounterGrain>($"g{i}").GetAsync();
            Assert.Equal(i + 1, state.Value);
            Assert.Equal([$"n{i}"], state.Notes);
        }

        var restarted = fresh.Grains.GetGrain<ICounterGrain>("ticking");
        await Eventually.Until(restarted.GetAsync, s => s.Ticks > ticksBefore, "the reminder keeps firing after the restart");
        await restarted.StopTickingAsync();
    }

    [Fact]
    public async Task Grains_written_through_one_silo_are_read_through_the_other_and_survive_its_loss()
    {
        var settings = TestSilo.Postgres(database.ConnectionString, NewClusterId());
        await using var first = await TestSilo.StartAsync(settings);
        await using var second = await TestSilo.StartAsync(settings);
        await Eventually.Until(() => first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true), h => h.Count == 2, "two silos");

        for (var i = 0; i < Grains; i++)
        {
            await first.Grains.GetGrain<ICounterGrain>($"g{i}").AddAsync(i + 1, "via first");
        }

        for (var i = 0; i < Grains; i++)
        {
            Assert.Equal(i + 1, (await second.Grains.GetGrain<ICounterGrain>($"g{i}").GetAsync()).Value);
        }

        var hosts = new HashSet<string>();
        for (var i = 0; i < Grains; i++)
        {
            hosts.Add(await first.Grains.GetGrain<ICounterGrain>($"g{i}").GetSiloAsync());
        }

        Assert.Equal(2, hosts.Count);

        await first.StopAsync();
        for (var i = 0; i < Grains; i++)
        {
            var counter = second.Grains.GetGrain<ICounterGrain>($"g{i}");
            var state = await Eventually.Until(counter.GetAsync, _ => true, $"g{i} reachable through the remaining silo");
            Assert.Equal(i + 1, state.Value);
        }
    }
}
