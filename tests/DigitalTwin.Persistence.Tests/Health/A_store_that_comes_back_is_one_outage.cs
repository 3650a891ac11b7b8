using DigitalTwin.Persistence.Health;
using DigitalTwin.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DigitalTwin.Persistence.Tests.Health;

/// <summary>
/// An outage ends at the store's first answer, and what failed against the store while it was down (an attempt still
/// in flight, a pooled connection the dead server broke) must not open a second one: operators would be told the
/// store went down again just as it came back. Nor may an answer the store gave just before it went down end the
/// outage it is already in (CI once saw two outages for one stop, that way round).
/// </summary>
public sealed class A_store_that_comes_back_is_one_outage
{
    private static readonly InvalidOperationException Refused = new("connection refused");

    [Fact]
    public void A_failure_of_an_operation_begun_before_the_recovery_opens_no_outage()
    {
        var health = new StorageHealth(NullLogger<StorageHealth>.Instance);
        var begunBeforeTheOutage = health.Begin();
        health.Failed("write", "asset", Refused, begunBeforeTheOutage);
        var begunDuringTheOutage = health.Begin();
        health.Succeeded(health.Begin());

        health.Failed("write", "asset", Refused, begunDuringTheOutage);

        Assert.True(health.Available);
        Assert.Equal(1, health.Report().Outages);
        Assert.Equal(2, health.Report().Failures);
    }

    [Fact]
    public void A_success_of_an_operation_begun_before_the_outage_does_not_end_it()
    {
        var health = new StorageHealth(NullLogger<StorageHealth>.Instance);
        var answeredJustBeforeTheStop = health.Begin();
        health.Failed("write", "asset", Refused, health.Begin());

        health.Succeeded(answeredJustBeforeTheStop);
        Assert.False(health.Available);

        health.Failed("write", "rack", Refused, health.Begin());
        health.Succeeded(health.Begin());
        Assert.True(health.Available);
        Assert.Equal(1, health.Report().Outages);
    }

    [Fact]
    public void A_failure_of_an_operation_begun_after_the_recovery_opens_the_next_outage()
    {
        var health = new StorageHealth(NullLogger<StorageHealth>.Instance);
        health.Failed("write", "asset", Refused, health.Begin());
        health.Succeeded(health.Begin());

        health.Failed("read", "rack", Refused, health.Begin());

        Assert.False(health.Available);
        Assert.Equal(2, health.Report().Outages);
    }

    [Fact]
    public void Opening_an_outage_resets_the_store_connections_once()
    {
        var reset = new CountingReset();
        var health = new StorageHealth(NullLogger<StorageHealth>.Instance, resets: [reset]);

        health.Failed("write", "asset", Refused, health.Begin());
        health.Failed("write", "rack", Refused, health.Begin());

        Assert.Equal(1, reset.Count);
    }

    [Fact]
    public async Task The_pool_reset_drops_connections_a_restarted_server_broke()
    {
        await using var postgres = await InterruptiblePostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("pool-reset");
        await QueryAsync(connectionString);
        await postgres.StopAsync();
        await postgres.StartAgainAsync();

        // Without the reset the idle connection from before the restart is handed out again and fails.
        await Assert.ThrowsAnyAsync<Exception>(() => QueryAsync(connectionString));

        await QueryAsync(connectionString);
        await postgres.StopAsync();
        await postgres.StartAgainAsync();
        new NpgsqlPoolReset(connectionString).Reset();

        Assert.Equal(1, await QueryAsync(connectionString));
    }

    private static async Task<int> QueryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private sealed class CountingReset : IStoreConnectionReset
    {
        public int Count { get; private set; }

        public void Reset() => Count++;
    }
}
