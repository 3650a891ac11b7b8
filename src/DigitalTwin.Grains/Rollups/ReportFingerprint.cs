using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Rollups;

/// <summary>
/// A stable 64-bit hash (FNV-1a) of what a report says, leaving out when it was made: a twin that wakes with the
/// same health, alerts, metrics and rollup as it last reported has nothing to tell its parent and lets it sleep.
/// Stable across processes (unlike <see cref="HashCode"/>), since it is persisted.
/// </summary>
public static class ReportFingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The fingerprint of <paramref name="report"/>; never 0 (which stands for "never reported").</summary>
    public static long Of(ChildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hash = Offset;
        Add(ref hash, report.ChildId);
        Add(ref hash, (long)report.Kind);
        Add(ref hash, (long)report.Health);
        Add(ref hash, report.OpenAlerts);
        foreach (var (metric, value) in report.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add(ref hash, metric);
            Add(ref hash, BitConverter.DoubleToInt64Bits(value));
        }
        if (report.Rollup is { } r)
        {
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.ItPowerW));
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.MaxInletC ?? double.NaN));
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.MeanInletC ?? double.NaN));
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.CoolingCapacityW));
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.CoolingLoadW));
            Add(ref hash, BitConverter.DoubleToInt64Bits(r.PowerBudgetW ?? double.NaN));
            Add(ref hash, (long)r.WorstHealth);
            Add(ref hash, r.OpenAlerts);
            foreach (var (kind, n) in r.CountsByKind.OrderBy(k => k.Key)) Add(ref hash, ((long)kind << 32) | (uint)n);
            foreach (var (health, n) in r.CountsByHealth.OrderBy(k => k.Key)) Add(ref hash, ((long)health << 32) | (uint)n);
        }
        var result = unchecked((long)hash);
        return result == 0 ? 1 : result;
    }

    private static void Add(ref ulong hash, string text)
    {
        foreach (var c in text) Add(ref hash, c);
        Add(ref hash, -1L);
    }

    private static void Add(ref ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash ^= (byte)(value >> (8 * i));
            hash *= Prime;
        }
    }
}
