using System.Diagnostics;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Tests.Support;
using DigitalTwin.Testing.Cluster;
using DigitalTwin.Topology;
using Xunit.Abstractions;

namespace DigitalTwin.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class Generated_topologies_import_at_scale(TwinClusterFixture cluster, ITestOutputHelper output)
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Thousands_of_twins_import_in_one_change_and_their_power_adds_up_at_the_top()
    {
        // A scenario scope keeps the generator's fixed ids away from other tests' live graphs.
        var scope = "gen" + Guid.NewGuid().ToString("N")[..8];
        var document = TopologyGenerator.Generate(rooms: 2, racksPerRoom: 10, serversPerRack: 10, withComponents: true);
        var topology = Grains.GetGrain<ITopologyGrain>(scope);

        var clock = Stopwatch.StartNew();
        var result = await topology.ImportAsync(document);
        var importTime = clock.Elapsed;

        Assert.True(result.Applied, string.Join("; ", result.Errors.Take(5)));
        Assert.Empty(result.Errors);
        Assert.Equal(document.Twins.Count, result.Created);
        Assert.Equal(document.Twins.Count, (await topology.GetViewAsync()).Entries.Count);
        var servers = document.Twins.Where(s => s.Kind == TwinKind.Server).ToArray();
        var root = document.Twins.Single(s => s.Kind == TwinKind.DataCentre).Id;

        clock.Restart();
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(servers.Select((s, i) => Grains.GetTelemetryTarget(new TwinKey(s.Id, scope), TwinKind.Server)!
            .IngestAsync(new TelemetryBatch(s.Id, [new Reading("power_w", 200 + i % 7, now), new Reading("inlet_temp_c", 22, now)]))));
        var ingestTime = clock.Elapsed;
        var expected = servers.Select((_, i) => 200.0 + i % 7).Sum();

        var rollup = await Eventually.Until(() => Grains.GetTwin(new TwinKey(root, scope), TwinKind.DataCentre).GetRollupAsync(),
            r => Math.Abs(r.ItPowerW - expected) < 1e-6, "the data centre to sum every server");
        Assert.Equal(servers.Length, rollup.CountsByKind[TwinKind.Server]);
        var found = await Grains.GetTwin(new TwinKey(root, scope), TwinKind.DataCentre)
            .FindDescendantsAsync(new TwinQuery(Kinds: [TwinKind.Server], PageSize: TwinQuery.MaxPageSize));
        Assert.Equal(servers.Length, found.Items.Count);
        Assert.Empty(found.Incomplete);

        output.WriteLine($"{document.Twins.Count} twins imported in {importTime.TotalSeconds:0.00} s; " +
                         $"{servers.Length} ingest calls in {ingestTime.TotalMilliseconds:0} ms");
    }
}
