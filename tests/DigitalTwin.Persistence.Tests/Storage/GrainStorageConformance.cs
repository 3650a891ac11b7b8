using DigitalTwin.Persistence.Tests.Grains;
using Orleans.Storage;

namespace DigitalTwin.Persistence.Tests.Storage;

/// <summary>What every grain storage of the product must do, checked on the raw IGrainStorage of a running silo.</summary>
internal static class GrainStorageConformance
{
    private const string StateName = "persistence-tests-conformance";

    public static GrainId NewGrainId() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    /// <summary>Round trip, stale and missing ETags refused, clear keeps the version line, rows separate per state name.</summary>
    public static async Task WritesReadsAndRefusesStaleEtags(IGrainStorage storage)
    {
        var id = NewGrainId();
        var first = await ReadAsync(storage, id);
        Assert.Null(first.ETag);
        Assert.False(first.RecordExists);
        Assert.Equal(0, first.State!.Value);

        first.State!.Value = 1;
        first.State!.Notes.Add("one");
        await storage.WriteStateAsync(StateName, id, first);
        Assert.NotNull(first.ETag);
        Assert.True(first.RecordExists);
        var etagOne = first.ETag;

        // A second writer that never read the row must not overwrite it.
        var second = new GrainState<CounterState>(new CounterState { Value = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, second));

        second = await ReadAsync(storage, id);
        Assert.Equal(1, second.State!.Value);
        Assert.Equal(["one"], second.State!.Notes);
        Assert.Equal(etagOne, second.ETag);
        second.State!.Value = 2;
        await storage.WriteStateAsync(StateName, id, second);
        Assert.NotEqual(etagOne, second.ETag);

        // The first writer now holds a stale ETag: both write and clear are refused and change nothing.
        first.State!.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, first));
        Assert.Equal(2, (await ReadAsync(storage, id)).State!.Value);

        await storage.ClearStateAsync(StateName, id, second);
        Assert.False(second.RecordExists);
        Assert.NotNull(second.ETag);

        var cleared = await ReadAsync(storage, id);
        Assert.False(cleared.RecordExists);
        Assert.Equal(second.ETag, cleared.ETag);
        Assert.Equal(0, cleared.State!.Value);

        // A writer that read before the clear is refused; one that read after it writes on.
        second.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState(), etagOne)));
        cleared.State!.Value = 4;
        await storage.WriteStateAsync(StateName, id, cleared);
        Assert.Equal(4, (await ReadAsync(storage, id)).State!.Value);

        // Another state name of the same grain is another row.
        var other = await ReadAsync(storage, id, StateName + "-other");
        Assert.Null(other.ETag);
        Assert.Equal(0, other.State!.Value);
    }

    /// <summary>Many writers holding the same ETag: exactly one wins, the others get InconsistentStateException.</summary>
    public static async Task LetsOneOfManyConcurrentWritersWin(IGrainStorage storage)
    {
        var id = NewGrainId();
        var seed = await ReadAsync(storage, id);
        seed.State!.Value = 0;
        await storage.WriteStateAsync(StateName, id, seed);

        var writers = Enumerable.Range(1, 8).Select(async n =>
        {
            var mine = new GrainState<CounterState>(new CounterState { Value = n }, seed.ETag);
            try
            {
                await storage.WriteStateAsync(StateName, id, mine);
                return n;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }).ToList();
        var winners = (await Task.WhenAll(writers)).Where(n => n > 0).ToList();

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await ReadAsync(storage, id)).State!.Value);
    }

    public static async Task<GrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId id, string stateName = StateName)
    {
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(stateName, id, state);
        return state;
    }
}
