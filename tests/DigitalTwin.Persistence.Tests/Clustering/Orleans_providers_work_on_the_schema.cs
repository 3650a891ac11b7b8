using System.Text;
using DigitalTwin.Persistence.Hosting;
using DigitalTwin.Persistence.Tests.Grains;
using DigitalTwin.Persistence.Tests.Silos;
using DigitalTwin.Persistence.Tests.Storage;
using DigitalTwin.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Persistence.Tests.Clustering;

/// <summary>The three ADO.NET providers running in real silos on the project's own schema and query texts.</summary>
public sealed class Orleans_providers_work_on_the_schema(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Active = 3;
    private const int Dead = 6;

    private static string NewClusterId() => "c" + Guid.NewGuid().ToString("N")[..10];

    // The ring interval (begin, end]: begin exclusive, end inclusive, begin == end meaning the whole ring.
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : begin == end || hash > begin || hash <= end;

    [Fact]
    public async Task Grain_state_round_trips_and_stale_etags_are_refused()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, NewClusterId()));

        await GrainStorageConformance.WritesReadsAndRefusesStaleEtags(silo.Storage);
        await GrainStorageConformance.LetsOneOfManyConcurrentWritersWin(silo.Storage);
    }

    [Fact]
    public async Task The_silo_migrates_on_start_and_stores_state_as_plain_json()
    {
        var fresh = await database.CreateAnotherAsync("fresh");
        var clusterId = NewClusterId();
        await using var silo = await TestSilo.StartAsync(TestSilo.Postgres(fresh, clusterId));

        await silo.Grains.GetGrain<ICounterGrain>("json").AddAsync(3, "note");

        Assert.Contains(silo.Logs.Lines, l => l.Contains("PostgreSQL schema migrated", StringComparison.Ordinal));
        var row = Assert.Single(await Database.RowsAsync(fresh,
            "SELECT payload, version, grain_ext FROM dt_grain_state WHERE service_id = @s AND state_name = @n",
            ("s", clusterId), ("n", CounterGrain.StateName)));
        var json = Encoding.UTF8.GetString((byte[])row[0]!);
        Assert.StartsWith("{\"Value\":3,", json);
        Assert.DoesNotContain("$type", json);
        Assert.Equal(1, row[1]);
        Assert.Equal("json", row[2]);
    }

    [Fact]
    public async Task A_silo_registers_itself_active_and_two_silos_see_each_other()
    {
        var clusterId = NewClusterId();
        await using var first = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterId));
        Assert.Equal([first.SiloPort], (await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Active)).Keys);

        await using var second = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterId));

        Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Order(), (await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Active)).Keys.Order());
        foreach (var silo in new[] { first, second })
        {
            await Eventually.Until(() => silo.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
                hosts => hosts.Count == 2, "both silos see two active hosts");
        }

        await second.StopAsync();
        Assert.Equal([second.SiloPort], (await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Dead)).Keys);
        await Eventually.Until(() => first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
            hosts => hosts.Count == 1, "the remaining silo sees one active host");
    }

    [Fact]
    public async Task Reminders_are_stored_fire_and_can_be_removed()
    {
        var clusterId = NewClusterId();
        await using var silo = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterId));
        var counter = silo.Grains.GetGrain<ICounterGrain>("ticking");

        await counter.StartTickingAsync(TimeSpan.FromSeconds(1));
        var stored = Assert.Single(await Database.RowsAsync(database.ConnectionString,
            "SELECT reminder_name, period_ms, version FROM dt_reminder WHERE service_id = @s", ("s", clusterId)));
        Assert.Equal(("tick", 1000L, 1), ((string)stored[0]!, (long)stored[1]!, (int)stored[2]!));
        await Eventually.Until(counter.GetAsync, s => s.Ticks >= 2, "the reminder fired twice");

        await counter.StopTickingAsync();
        Assert.Empty(await Database.RowsAsync(database.ConnectionString, "SELECT 1 FROM dt_reminder WHERE service_id = @s", ("s", clusterId)));
    }

    [Fact]
    public async Task Reminder_range_reads_follow_the_unsigned_hash_ring()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, NewClusterId()));
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 150).Select(i => GrainId.Create("ring", $"g{i}")).ToList();
        foreach (var grain in grains)
        {
            // Far in the future: the rows are only read here, never fired.
            await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTime.UtcNow.AddDays(1), Period = TimeSpan.FromDays(40) });
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).ToList();
        var random = new Random(7);
        var ranges = new List<(uint Begin, uint End)> { (0, 0), (uint.MaxValue, uint.MaxValue), (0x7FFFFFF0, 0x80000010), (0x80000010, 0x7FFFFFF0), (0, uint.MaxValue) };
        ranges.AddRange(hashes.Take(8).SelectMany(h => new[] { (h - 1, h), (h, h - 1), (h + 1, h), (h, h), (h, h + 1), (h, h + 0x10000000) }));
        ranges.AddRange(Enumerable.Range(0, 40).Select(_ => ((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32))));

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where((_, i) => InRing(hashes[i], begin, end)).Select(g => g.ToString()).Order().ToList();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}]: expected {expected.Count} reminders, read {actual.Count}");
        }

        var periods = (await table.ReadRows(grains[0])).Reminders;
        Assert.Equal(TimeSpan.FromDays(40), Assert.Single(periods).Period);
    }

    [Fact]
    public async Task Defunct_silo_cleanup_removes_dead_incarnations_and_keeps_live_ones()
    {
        var clusterId = NewClusterId();
        await using var first = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterId));
        var second = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterId));
        await second.DisposeAsync();
        Assert.Equal([second.SiloPort], (await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Dead)).Keys);

        await first.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Empty(await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Dead));
        Assert.Equal([first.SiloPort], (await Database.ActiveAndDeadAsync(database.ConnectionString, clusterId, Active)).Keys);
    }

    [Fact]
    public async Task An_external_client_finds_the_gateways_in_the_membership_table()
    {
        var clusterId = NewClusterId();
        var settings = TestSilo.Postgres(database.ConnectionString, clusterId);
        await using var first = await TestSilo.StartAsync(settings);
        await using var second = await TestSilo.StartAsync(settings);
        await first.Grains.GetGrain<ICounterGrain>("shared").AddAsync(4, "from the silo");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var client = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(c => c.UseDigitalTwinClustering(configuration))
            .Build();
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();

        Assert.Equal(4, (await grains.GetGrain<ICounterGrain>("shared").GetAsync()).Value);
        await second.StopAsync();
        Assert.Equal(5, await Eventually.Until(() => grains.GetGrain<ICounterGrain>("shared").AddAsync(1, "from the client"), _ => true,
            "the client reaches the grain after one silo left"));
        await client.StopAsync();
    }
}
