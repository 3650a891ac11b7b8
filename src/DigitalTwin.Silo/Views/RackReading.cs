using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>Builds <see cref="RackElevation"/> from a rack and its direct children (the assets in it).</summary>
internal static class RackReading
{
    private const int DefaultHeightU = 42;

    public static async Task<RackElevation> ReadAsync(IGrainFactory grains, TwinSnapshot rack)
    {
        var assets = await Snapshots.OfAsync(grains, rack.Children);
        var height = rack.Spec.Rated?.GetValueOrDefault(RatedProperties.HeightUnits) is > 0 and var h ? (int)h : DefaultHeightU;
        return new RackElevation(rack.Key.TwinId, rack.Spec.Name, rack.Spec.ParentId, height, rack.Health, rack.HealthReason, rack.Rollup,
            InletLimits.Of([rack.Spec, .. assets.Select(a => a.Spec)]),
            [.. assets.Select(Asset).OrderByDescending(a => a.PositionU ?? 0).ThenBy(a => a.Id, StringComparer.Ordinal)], rack.AsOf);
    }

    private static RackedAsset Asset(TwinSnapshot s)
    {
        var rated = s.Spec.Rated;
        int? position = rated?.GetValueOrDefault(RatedProperties.PositionUnit) is >= 1 and var p ? (int)p : null;
        var size = rated?.GetValueOrDefault(RatedProperties.SizeUnits) is >= 1 and var z ? (int)z : 1;
        return new RackedAsset(s.Key.TwinId, s.Spec.Kind, s.Spec.Name, position, size, s.Health, s.HealthReason, Snapshots.OpenAlerts(s), Snapshots.Values(s));
    }
}
