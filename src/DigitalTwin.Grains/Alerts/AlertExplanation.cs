using System.Globalization;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Grains.Alerts;

/// <summary>Words for an anomaly alert: what deviated from what, and whether the neighbours point at a shared cause.</summary>
public static class AlertExplanation
{
    /// <summary>The explanation of an anomaly on <paramref name="metric"/>.</summary>
    public static string For(TwinKind kind, string metric, double value, double baseline, double score, Neighbourhood? neighbours)
    {
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{metric} = {value:0.##}, expected about {baseline:0.##} (anomaly score {score:0.00}).");
        return $"{what} {Neighbours(kind, metric, neighbours)}";
    }

    private static string Neighbours(TwinKind kind, string metric, Neighbourhood? n)
    {
        if (n is null) return "Its neighbours could not be consulted.";
        var place = $"{n.ParentKind.ToWireName()} {n.ParentId}";
        if (n.Siblings == 0) return $"It is the only twin in {place}.";
        var mean = n.SiblingMean is { } m
            ? string.Create(CultureInfo.InvariantCulture, $" (their mean {metric} is {m:0.##})")
            : "";
        return n.SiblingsWithAlerts > 0
            ? $"{n.SiblingsWithAlerts} of {n.Siblings} other twins in {place} have open alerts too{mean}: a shared cause such as cooling, power or workload is likely."
            : $"No other twin in {place} has an open alert{mean}: the cause is likely local to this {kind.ToWireName()}.";
    }
}
