using System.Text.Json;
using DataCentreSimulator.Running;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Testing.Cluster;
using DigitalTwin.Testing.Processes;
using DigitalTwin.Topology;

namespace DigitalTwin.Simulator.Tests;

/// <summary>
/// Issue 11 asks that the demo's hot spot raise an alert within 30 s of its start and resolve after it. The demo's own
/// hot-spot line (samples/demo-faults.yaml) runs in the simulator on the demo's rack, offline, at the demo's 5 s
/// rhythm; every server of the rack reports to its twin in an in-process cluster, in time order, as the broker would
/// deliver them. Hand-made readings with a steady outlet had passed while the running demo missed it: the simulator's
/// outlet wanders with the server's own work.
/// </summary>
public sealed class The_demo_s_hot_spot_raises_an_alert_within_30_s_and_resolves_after_it(TwinClusterFixture cluster) : IClassFixture<TwinClusterFixture>, IDisposable
{
    private const string Rack = "rack-a01";
    private const string Hot = "srv-a01-04";
    private readonly string _dir = Directory.CreateTempSubdirectory("dt-demo-hot-spot-").FullName;

    [Fact]
    public async Task The_hot_server_alone_raises_a_peer_alert_within_30_s_and_it_resolves_within_30_s_of_the_end()
    {
        var topology = Path.Combine(_dir, "excerpt.yaml");
        await File.WriteAllTextAsync(topology, DemoExcerpt.Yaml(Rack));
        var faults = Path.Combine(_dir, "faults.yaml");
        var line = Assert.Single(File.ReadLines(RepositoryLayout.Sample("demo-faults.yaml")), l => l.Contains("hot_spot") && l.Contains(Hot));
        await File.WriteAllTextAsync(faults, "faults:\n" + line + "\n");
        var epoch = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        var settings = new SimulatorSettings
        {
            Topology = topology, Faults = faults, NoBroker = true, DurationS = 1140, Seed = 1, Epoch = epoch,
            IntervalS = 5, ComponentIntervalS = 15, Record = Path.Combine(_dir, "rec.jsonl"), Truth = Path.Combine(_dir, "truth.jsonl"),
        };
        Assert.Equal(0, await SimulatorRun.Create(settings).RunAsync(CancellationToken.None));
        var truth = File.ReadLines(settings.Truth).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        DateTimeOffset At(string type) => truth.First(l => l.GetProperty("type").GetString() == type && l.GetProperty("target").GetString() == Hot)
            .GetProperty("ts").GetDateTimeOffset();
        var (start, end) = (At("fault_start"), At("fault_end"));

        var parsed = TopologyFile.Parse(await File.ReadAllTextAsync(topology));
        await cluster.Client.GetLiveTopology().ImportAsync(parsed.Document!);
        var servers = parsed.Document!.Twins.Where(t => t.Kind == TwinKind.Server && t.ParentId == Rack).Select(t => t.Id).ToArray();
        Assert.True(servers.Length >= 4, "the rack needs peers");
        var batches = 0;
        foreach (var (at, readings) in Batches(settings.Record, servers))
        {
            await Task.WhenAll(readings.Select(async r =>
            {
                var result = await cluster.Client.GetTelemetryTarget(new TwinKey(r.Key), TwinKind.Server)!
                    .IngestAsync(new TelemetryBatch(r.Key, r.Value.Select(m => new Reading(m.Key, m.Value, at)).ToArray()));
                Assert.Empty(result.Rejected);
            }));
            // The rack hears its servers' reports on its rollup cadence, in the running silo within a second of each 5 s
            // batch: let it hear the first batch before the second, and then once a simulated minute (peers move slowly).
            if (++batches % 12 == 1) await Task.Delay(150);
        }

        var alerts = await cluster.Client.GetTwin(new TwinKey(Hot), TwinKind.Server).GetAlertsAsync(includeResolved: true);
        var peer = Assert.Single(alerts, a => a.AlertKind == AlertKind.Peer);
        Assert.True(peer.FirstSeen - start <= TimeSpan.FromSeconds(30), $"raised {(peer.FirstSeen - start).TotalSeconds:0} s after the hot spot began");
        Assert.Equal(AlertState.Resolved, peer.State);
        Assert.True(peer.ResolvedAt is { } resolved && resolved >= end && resolved - end <= TimeSpan.FromSeconds(30),
            $"resolved {(peer.ResolvedAt - end)?.TotalSeconds:0} s after the hot spot ended");
        Assert.DoesNotContain(alerts, a => a.AlertKind == AlertKind.Sensor);
        foreach (var other in servers.Where(s => s != Hot))
        {
            Assert.DoesNotContain(await cluster.Client.GetTwin(new TwinKey(other), TwinKind.Server).GetAlertsAsync(includeResolved: true),
                a => a.AlertKind is AlertKind.Peer or AlertKind.Sensor);
        }
    }

    private static IEnumerable<(DateTimeOffset At, Dictionary<string, Dictionary<string, double>> Readings)> Batches(string record, IReadOnlyList<string> servers)
    {
        foreach (var line in File.ReadLines(record))
        {
            var payload = JsonDocument.Parse(line).RootElement.GetProperty("payload");
            if (!payload.TryGetProperty("twins", out var twins)) continue;
            var readings = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            foreach (var server in servers)
            {
                if (!twins.TryGetProperty(server, out var metrics)) continue;
                readings[server] = metrics.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Number)
                    .ToDictionary(m => m.Name, m => m.Value.GetDouble(), StringComparer.Ordinal);
            }
            if (readings.Count > 0) yield return (payload.GetProperty("ts").GetDateTimeOffset(), readings);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
