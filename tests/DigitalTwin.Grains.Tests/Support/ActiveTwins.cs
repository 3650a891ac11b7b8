using DigitalTwin.Testing.Cluster;

namespace DigitalTwin.Grains.Tests.Support;

/// <summary>Which twins of a test topology are in memory, read from the cluster's own grain statistics.</summary>
public static class ActiveTwins
{
    /// <summary>The ids of the twins of <paramref name="topology"/> that are active now, in ordinal order.</summary>
    public static async Task<string[]> OfAsync(TwinClusterFixture cluster, TestTopology topology)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return [.. statistics
            .Where(s => s.GrainType.Contains("DigitalTwin.Grains.Twins.", StringComparison.Ordinal))
            .Select(s => s.GrainId.Key.ToString()!)
            .Where(key => key.StartsWith(topology.Prefix + "-", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
