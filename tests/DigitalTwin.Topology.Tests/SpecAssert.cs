using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Tests;

/// <summary>Deep comparison of specs: records compare their dictionaries and lists by reference, which says nothing here.</summary>
internal static class SpecAssert
{
    public static void Same(TopologyDocument expected, TopologyDocument actual)
    {
        Assert.Equal(expected.Twins.Count, actual.Twins.Count);
        for (var i = 0; i < expected.Twins.Count; i++) Same(expected.Twins[i], actual.Twins[i]);
    }

    public static void Same(TwinSpec expected, TwinSpec actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.ParentId, actual.ParentId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(Sorted(expected.Rated), Sorted(actual.Rated));
        Assert.Equal(Sorted(expected.Limits), Sorted(actual.Limits));
        Assert.Equal(expected.Tags ?? [], actual.Tags ?? []);
        Assert.Equal(expected.PowerFeeds ?? [], actual.PowerFeeds ?? []);
        Assert.Equal(expected.CoolingUnits ?? [], actual.CoolingUnits ?? []);
        Assert.Equal(expected.RunsOn ?? [], actual.RunsOn ?? []);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Wear ?? [], actual.Wear ?? []);
    }

    private static List<KeyValuePair<string, T>> Sorted<T>(IReadOnlyDictionary<string, T>? map) =>
        [.. (map ?? new Dictionary<string, T>()).OrderBy(p => p.Key, StringComparer.Ordinal)];
}
