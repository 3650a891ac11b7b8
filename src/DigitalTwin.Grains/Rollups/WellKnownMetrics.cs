using System.Reflection;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Grains.Rollups;

/// <summary>The metric names declared in <see cref="MetricNames"/>: the ones rollups, views and models read.</summary>
public static class WellKnownMetrics
{
    private static readonly HashSet<string> Names = typeof(MetricNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="metric"/> is one of them.</summary>
    public static bool Contains(string metric) => Names.Contains(metric);
}
