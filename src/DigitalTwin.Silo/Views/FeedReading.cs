using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Queries;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// Builds <see cref="FeedsView"/>: the data centre's UPSs and PDUs (found by one descendant query, not by walking the
/// servers), their rated capacity and present power. A source's path labels are those of its own feeds, or else the
/// labels under which other sources draw from it (a UPS is "A" because the PDUs on path A name it).
/// </summary>
internal static class FeedReading
{
    public static async Task<FeedsView> ReadAsync(IGrainFactory grains, TwinSnapshot dataCentre)
    {
        var twin = grains.GetTwin(dataCentre.Key.TwinId, dataCentre.Spec.Kind);
        var found = new List<TwinRef>();
        string? after = null;
        do
        {
            var page = await twin.FindDescendantsAsync(new TwinQuery([TwinKind.Ups, TwinKind.Pdu], PageSize: TwinQuery.MaxPageSize, After: after));
            found.AddRange(page.Items.Select(i => new TwinRef(i.Id, i.Kind)));
            after = page.ContinuationToken;
        }
        while (after is not null);
        var sources = await Snapshots.OfAsync(grains, found);
        var ids = sources.Select(s => s.Key.TwinId).ToHashSet(StringComparer.Ordinal);
        var drawnAs = sources.SelectMany(s => s.Spec.PowerFeeds ?? []).ToLookup(f => f.SourceId, f => f.Path, StringComparer.Ordinal);
        var feeds = sources.Select(s => Feed(s, drawnAs)).OrderBy(f => f.Kind).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        // Totals per path at the sources nearest the utility, so a PDU's load is not counted again in its UPS's.
        var roots = feeds.Where(f => !f.Sources.Any(ids.Contains));
        var paths = roots.SelectMany(f => f.Paths.Select(path => (path, f)))
            .GroupBy(x => x.path, x => x.f, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PathLoad(g.Key, g.Count(), g.Sum(f => f.LoadW ?? 0), g.Sum(f => f.CapacityW ?? 0), g.Sum(f => (f.CapacityW ?? 0) - (f.LoadW ?? 0))))
            .OrderBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToList();
        return new FeedsView(dataCentre.Key.TwinId, paths, feeds, DateTimeOffset.UtcNow);
    }

    private static FeedLoad Feed(TwinSnapshot s, ILookup<string, string> drawnAs)
    {
        var own = s.Spec.PowerFeeds ?? [];
        IReadOnlyList<string> paths = [.. (own.Count > 0 ? own.Select(f => f.Path) : drawnAs[s.Key.TwinId]).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        var values = Snapshots.Values(s);
        double? capacity = s.Spec.Rated?.GetValueOrDefault(RatedProperties.Capacity) is > 0 and var c ? c : null;
        double? load = values.TryGetValue(MetricNames.Power, out var w) ? w
            : values.TryGetValue(MetricNames.LoadPercent, out var pct) && capacity is { } cap ? pct / 100 * cap : null;
        return new FeedLoad(s.Key.TwinId, s.Spec.Kind, s.Spec.Name, s.Spec.ParentId, paths, [.. own.Select(f => f.SourceId)],
            capacity, load, capacity - load, s.Health, values);
    }
}
