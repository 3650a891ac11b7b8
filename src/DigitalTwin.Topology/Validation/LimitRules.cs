using System.Globalization;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Topology.Validation;

/// <summary>
/// Operating limits: finite, and in an order that can be met (warning before critical, every "below" under every
/// "above"). Negative limits are fine: a supply-air or outdoor temperature may well warn below 0 °C.
/// </summary>
internal static class LimitRules
{
    /// <summary>Checks the limits of <paramref name="spec"/>.</summary>
    public static void Check(TwinSpec spec, List<TopologyError> errors)
    {
        foreach (var (metric, limit) in spec.Limits ?? new Dictionary<string, MetricLimit>())
        {
            if (string.IsNullOrWhiteSpace(metric))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, "'limits' has a metric with an empty name"));
                continue;
            }
            if (limit is null)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, $"limits.{metric} is empty"));
                continue;
            }
            var bounds = new (string Name, double? Value)[]
            {
                ("warnAbove", limit.WarnAbove), ("criticalAbove", limit.CriticalAbove),
                ("warnBelow", limit.WarnBelow), ("criticalBelow", limit.CriticalBelow),
            };
            var finite = true;
            foreach (var (name, value) in bounds)
            {
                if (value is { } v && !double.IsFinite(v))
                {
                    errors.Add(new(spec.Id, TopologyErrorCodes.InvalidCapacity, $"limits.{metric}.{name} is {Show(v)}; limits must be finite numbers"));
                    finite = false;
                }
            }
            if (!finite) continue;

            if (limit is { WarnAbove: { } warnAbove, CriticalAbove: { } criticalAbove } && warnAbove > criticalAbove)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid,
                    $"limits.{metric}: warnAbove ({Show(warnAbove)}) is above criticalAbove ({Show(criticalAbove)}); the warning must come first"));
            }
            if (limit is { WarnBelow: { } warnBelow, CriticalBelow: { } criticalBelow } && warnBelow < criticalBelow)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid,
                    $"limits.{metric}: warnBelow ({Show(warnBelow)}) is below criticalBelow ({Show(criticalBelow)}); the warning must come first"));
            }
            var lowestAbove = Min(limit.WarnAbove, limit.CriticalAbove);
            var highestBelow = Max(limit.WarnBelow, limit.CriticalBelow);
            if (lowestAbove is { } above && highestBelow is { } below && below >= above)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid,
                    $"limits.{metric}: the 'below' limits ({Show(below)}) must be lower than the 'above' limits ({Show(above)}); as given every value would raise an alert"));
            }
        }
    }

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
