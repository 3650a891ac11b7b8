using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Silo.Api;

/// <summary>Finds a live twin's grain from its id alone, through the topology directory.</summary>
public sealed class TwinLocator(IGrainFactory grains)
{
    /// <summary>The twin's grain, or null when no twin has that id (or the id is not a valid id).</summary>
    public async Task<ITwinGrain?> FindAsync(string twinId)
    {
        if (!TwinIds.IsValid(twinId)) return null;
        var entry = await grains.GetLiveTopology().ResolveAsync(twinId);
        return entry is null ? null : grains.GetTwin(twinId, entry.Kind);
    }
}
