namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// Tells a part's own wear from a change its siblings share. A server's fans all follow one controller: when the room
/// cools in the evening or the load falls, every fan of the server slows together, and each fan's long trend points
/// at its failure speed; a wearing fan slows against its siblings. So a falling trend counts as wear only when the
/// part moves towards failure clearly faster than its siblings do: paces are compared relative to each part's own
/// level (fans of one server differ in top speed), against the median of the siblings.
/// </summary>
public static class SharedDecline
{
    /// <summary>
    /// The share of the part's own pace towards failure that its siblings' median pace must reach for the trend to
    /// count as shared. At a half, a wearing fan whose own loss is at least as fast as the common fall keeps its
    /// prediction; one whose fall is mostly the common one is judged again when the common fall has passed.
    /// </summary>
    public const double SharedShare = 0.5;

    /// <summary>
    /// Whether the part's trend is one its siblings share: the share of its pace that their median pace reaches (at
    /// least <see cref="SharedShare"/>) and why, in words for the prediction's evidence; null when the part moves
    /// towards failure on its own (or there are no comparable siblings).
    /// </summary>
    /// <param name="own">The part's trend: level now and slope per hour.</param>
    /// <param name="siblings">The same metric's trends on the part's siblings (other parts of its kind in one asset).</param>
    /// <param name="direction">Which way the metric moves as the part wears.</param>
    public static (double Share, string Why)? Judge(WearTrend own, IReadOnlyList<WearTrend> siblings, DegradationDirection direction)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var towards = direction == DegradationDirection.Rising ? 1.0 : -1.0;
        var ownPace = RelativePace(own, towards);
        if (ownPace is not > 0) return null;
        // A sibling at rest (a stopped or seized fan, level 0) says nothing about the common controller.
        var paces = siblings.Select(s => RelativePace(s, towards)).OfType<double>().Order().ToArray();
        if (paces.Length == 0) return null;
        var median = paces.Length % 2 == 1 ? paces[paces.Length / 2] : (paces[paces.Length / 2 - 1] + paces[paces.Length / 2]) / 2;
        if (median < SharedShare * ownPace.Value) return null;
        return (median / ownPace.Value, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"its {paces.Length} sibling{(paces.Length == 1 ? "" : "s")} moved alike ({100 * median:0.0} % of their level per hour against its {100 * ownPace.Value:0.0} %): a change they share (load or room air), not wear"));
    }

    /// <summary>The pace towards failure as a share of the level per hour, or null when the level gives no scale.</summary>
    private static double? RelativePace(WearTrend trend, double towards) =>
        trend.Level > 0 && double.IsFinite(trend.Level) && double.IsFinite(trend.SlopePerHour) ? towards * trend.SlopePerHour / trend.Level : null;
}
