using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Cli.Commands.Chaos;

/// <summary>
/// Whether the containers' rollups agree with their servers: every rack's IT power equals the sum of its servers'
/// latest <c>power_w</c>, and every room's and data centre's equals the sum over all servers beneath it (within a
/// milliwatt). What a twin holds is read from the twins themselves, not from what was published.
/// </summary>
internal sealed class RollupAgreement(IGrainFactory grains, TopologyDocument topology)
{
    public async Task<(bool Agree, string Detail)> CheckAsync(CancellationToken cancellationToken)
    {
        var servers = topology.Twins.Where(t => t.Kind == TwinKind.Server).ToList();
        var power = new Dictionary<string, double>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(servers, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (server, token) =>
        {
            var snapshot = await grains.GetTwin(server.Id, server.Kind).GetSnapshotAsync().WaitAsync(TimeSpan.FromSeconds(15), token);
            var watts = snapshot.Latest.TryGetValue(ChaosTelemetry.PowerMetric, out var value) ? value.Value : 0;
            lock (power) power[server.Id] = watts;
        });
        var parents = topology.Twins.ToDictionary(t => t.Id, t => t.ParentId, StringComparer.Ordinal);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var server in servers)
        {
            for (var above = server.ParentId; above is not null; above = parents.GetValueOrDefault(above))
            {
                expected[above] = expected.GetValueOrDefault(above) + power[server.Id];
            }
        }
        foreach (var container in topology.Twins.Where(t => expected.ContainsKey(t.Id)))
        {
            var rollup = await grains.GetTwin(container.Id, container.Kind).GetRollupAsync().WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            if (Math.Abs(rollup.ItPowerW - expected[container.Id]) > 1e-3)
            {
                return (false, $"{container.Id} rolls up {rollup.ItPowerW:F1} W, its servers hold {expected[container.Id]:F1} W");
            }
        }
        return (true, $"{expected.Count} containers agree with {servers.Count} servers");
    }
}
