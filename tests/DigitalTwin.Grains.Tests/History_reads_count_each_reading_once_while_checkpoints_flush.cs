using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A history read interleaves with the checkpoint that moves closed minutes from the twin's memory to its history
/// grains. Whenever it lands (before, during or after a flush), each reading is counted exactly once. History writes
/// are slowed here so that many reads land while a flush is in flight, as they do under load.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class History_reads_count_each_reading_once_while_checkpoints_flush(TwinClusterFixture cluster)
{
    [Fact]
    public async Task Reads_during_flushes_never_double_or_drop_a_minute()
    {
        var t = TestTopology.New();
        await cluster.Client.GetLiveTopology().ImportAsync(t.Document(rooms: 1, racks: 1, servers: 1));
        var id = t.Server('a', 1, 1);
        var twin = cluster.Client.GetGrain<IAssetGrain>(id);
        var first = BucketMinute(DateTimeOffset.UtcNow) - TimeSpan.FromMinutes(6);
        cluster.Storage.DelayWrites((_, key) => key.StartsWith(id, StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(40) : TimeSpan.Zero);
        try
        {
            var reads = 0;
            for (var round = 1; round <= 4; round++)
            {
                // One more late reading in each of five closed minutes: the next checkpoint flushes all five.
                var applied = await twin.IngestAsync(new TelemetryBatch(id,
                    Enumerable.Range(0, 5).Select(m => new Reading("power_w", 100 + m, first.AddMinutes(m).AddSeconds(round))).ToList()));
                Assert.Equal(5, applied.Applied);

                // Reads keep landing for longer than a checkpoint interval, so some meet the flush.
                var until = DateTime.UtcNow + TimeSpan.FromMilliseconds(900);
                while (DateTime.UtcNow < until)
                {
                    var history = await twin.GetHistoryAsync("power_w", first, first.AddMinutes(5));
                    reads++;
                    Assert.Equal(Enumerable.Repeat(round, 5), history.Select(b => b.Count));
                    Assert.Equal(Enumerable.Range(0, 5).Select(m => first.AddMinutes(m)), history.Select(b => b.Start));
                }
            }
            Assert.True(reads > 8, $"only {reads} reads");
        }
        finally
        {
            cluster.Storage.DelayWrites(null);
        }
    }

    private static DateTimeOffset BucketMinute(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
