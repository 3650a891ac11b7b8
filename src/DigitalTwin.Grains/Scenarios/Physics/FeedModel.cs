using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Scenarios.Plant;

namespace DigitalTwin.Grains.Scenarios.Physics;

/// <summary>
/// Power through the feed graph: a source is live when it has not failed and, if it has inputs, at least one input
/// on a live path is live; a server runs while one of its feeds is live and splits its power evenly over its live
/// feeds (as dual-corded supplies share load); a source passes its load up to its live inputs the same way. A source
/// outside the forked subtree counts as live. Interim seam: the models project's power model can take its place.
/// </summary>
internal static class FeedModel
{
    public static void Apply(DataCentrePlant plant)
    {
        var live = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var source in plant.Sources.Values) source.Live = IsLive(source.Id, plant, live, 0);
        foreach (var source in plant.Sources.Values) source.LoadW = 0;
        foreach (var server in plant.Servers.Values)
        {
            var feeds = LiveFeeds(server.Feeds, plant);
            server.Powered = server.Feeds.Count == 0 || feeds.Count > 0;
            server.LivePaths = server.Feeds.Count == 0 ? 2 : feeds.Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (!server.Powered || feeds.Count == 0) continue;
            foreach (var feed in feeds) Carry(feed.SourceId, server.PowerW / feeds.Count, plant, 0);
        }
    }

    /// <summary>The feeds of a list that are live: on a path that has not failed, from a live (or unknown) source.</summary>
    public static List<PowerFeed> LiveFeeds(IReadOnlyList<PowerFeed> feeds, DataCentrePlant plant) =>
        feeds.Where(f => !plant.FailedPaths.Contains(f.Path) && (plant.Sources.GetValueOrDefault(f.SourceId)?.Live ?? true)).ToList();

    private static bool IsLive(string id, DataCentrePlant plant, Dictionary<string, bool> known, int depth)
    {
        if (known.TryGetValue(id, out var result)) return result;
        if (!plant.Sources.TryGetValue(id, out var source)) return true;
        // The validator refuses cycles; the depth bound only keeps a corrupt graph from recursing forever.
        result = !source.Failed && (source.Inputs.Count == 0 || depth > 16 ||
            source.Inputs.Any(f => !plant.FailedPaths.Contains(f.Path) && IsLive(f.SourceId, plant, known, depth + 1)));
        known[id] = result;
        return result;
    }

    private static void Carry(string sourceId, double watts, DataCentrePlant plant, int depth)
    {
        if (!plant.Sources.TryGetValue(sourceId, out var source) || depth > 16) return;
        source.LoadW += watts;
        var inputs = LiveFeeds(source.Inputs, plant);
        foreach (var input in inputs) Carry(input.SourceId, watts / inputs.Count, plant, depth + 1);
    }
}
