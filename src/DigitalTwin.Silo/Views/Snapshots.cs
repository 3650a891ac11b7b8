using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Changes;

namespace DigitalTwin.Silo.Views;

/// <summary>Reads the twins one view shows, in parallel; a twin removed meanwhile is left out rather than failing the view.</summary>
internal static class Snapshots
{
    public static async Task<IReadOnlyList<TwinSnapshot>> OfAsync(IGrainFactory grains, IEnumerable<TwinRef> twins)
    {
        var reads = twins.Select(async twin =>
        {
            try
            {
                return await grains.GetTwin(twin.Id, twin.Kind).GetSnapshotAsync();
            }
            catch (TwinNotFoundException)
            {
                return null;
            }
        });
        return [.. (await Task.WhenAll(reads)).OfType<TwinSnapshot>()];
    }

    /// <summary>The twin's latest values as the change feed carries them (no bookkeeping keys).</summary>
    public static IReadOnlyDictionary<string, double> Values(TwinSnapshot snapshot) =>
        ChangeOutbox.OwnMetrics(snapshot.Latest.Select(m => KeyValuePair.Create(m.Key, m.Value.Value)));

    /// <summary>Open alerts of the twin's subtree (its rollup's count) or, for a leaf, its own.</summary>
    public static int OpenAlerts(TwinSnapshot snapshot) => snapshot.Rollup?.OpenAlerts ?? snapshot.OpenAlerts.Count;
}
