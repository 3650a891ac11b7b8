using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>Builds <see cref="TreeView"/>: one twin and its children, never deeper (a 4,000-twin graph opens level by level).</summary>
internal static class TreeReading
{
    public static async Task<TreeView> ReadAsync(IGrainFactory grains, TwinSnapshot twin)
    {
        var children = await Snapshots.OfAsync(grains, twin.Children.Take(MaxChildren));
        return new TreeView(Node(twin), [.. children.OrderBy(c => c.Spec.Kind).ThenBy(c => c.Key.TwinId, StringComparer.Ordinal).Select(Node)]);
    }

    // A node with thousands of children (a flat import) is shown by its first ones; the query API pages the rest.
    private const int MaxChildren = 500;

    private static TreeNode Node(TwinSnapshot s) =>
        new(s.Key.TwinId, s.Spec.Kind, s.Spec.Name, s.Health, s.HealthReason, Snapshots.OpenAlerts(s), s.Children.Count);
}
