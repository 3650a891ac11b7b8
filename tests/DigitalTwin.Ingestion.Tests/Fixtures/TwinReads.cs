using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Topology;

namespace DigitalTwin.Ingestion.Tests.Fixtures;

/// <summary>Reading twins back through the cluster client, as an integrator would.</summary>
internal static class TwinReads
{
    /// <summary>The latest value of <paramref name="metric"/> on a twin, or null when it has none.</summary>
    public static async Task<double?> LatestAsync(this IngestionCluster cluster, string twinId, string metric)
    {
        var spec = cluster.Topology.Twins.Single(t => t.Id == twinId);
        var snapshot = await cluster.Grains.GetTwin(twinId, spec.Kind).GetSnapshotAsync();
        return snapshot.Latest.TryGetValue(metric, out var value) ? value.Value : null;
    }

    /// <summary>The metrics a twin holds values for.</summary>
    public static async Task<IReadOnlyCollection<string>> MetricsAsync(this IngestionCluster cluster, string twinId)
    {
        var spec = cluster.Topology.Twins.Single(t => t.Id == twinId);
        var snapshot = await cluster.Grains.GetTwin(twinId, spec.Kind).GetSnapshotAsync();
        return snapshot.Latest.Keys.ToList();
    }

    public static TopologyDocument Document(this IngestionCluster cluster) => cluster.Topology;
}
