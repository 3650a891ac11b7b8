using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Cli.Client;

/// <summary>Finds a live twin's grain by id through the topology directory.</summary>
internal static class TwinLookup
{
    public static async Task<ITwinGrain?> FindAsync(IGrainFactory grains, string twinId)
    {
        if (!TwinIds.IsValid(twinId)) return null;
        var entry = await grains.GetLiveTopology().ResolveAsync(twinId);
        return entry is null ? null : grains.GetTwin(twinId, entry.Kind);
    }
}
