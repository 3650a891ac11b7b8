namespace DigitalTwin.Cli.Commands.Scale;

/// <summary>How many twin activations the cluster holds, from Orleans' management grain (every twin grain class).</summary>
internal static class ActiveTwins
{
    private static readonly string[] TwinClasses = ["DataCentreGrain", "RoomGrain", "RackGrain", "AssetGrain", "ComponentGrain"];

    /// <summary>Twin activations across the cluster now.</summary>
    public static async Task<long> CountAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => IsTwin(s.GrainType)).Sum(s => (long)s.ActivationCount);
    }

    private static bool IsTwin(string grainType)
    {
        // The type is the grain class's full name, possibly with an assembly or generic suffix.
        var name = grainType.Split(',')[0];
        var last = name[(name.LastIndexOf('.') + 1)..];
        return TwinClasses.Contains(last, StringComparer.Ordinal);
    }
}
