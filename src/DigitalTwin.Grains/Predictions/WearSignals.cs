using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Models.RemainingLife;

namespace DigitalTwin.Grains.Predictions;

/// <summary>
/// The metrics that tell whether a part is wearing out, per kind. Only these feed failure predictions. A temperature
/// follows the room, the load and the cooling (a disk warms with its server's inlet when a CRAC fails), so a rising
/// temperature is a limit or anomaly alert about the environment, never a reason to replace the part that measures
/// it; a fan slowing at the same load, or a disk remapping more and more sectors, is the part itself.
/// </summary>
public static class WearSignals
{
    /// <summary>A fan below this speed counts as failed when its topology gives no <c>criticalBelow</c>.</summary>
    public const double FanFailureRpm = 1000;

    /// <summary>Reallocated sectors at which a disk counts as failed when its topology gives no <c>criticalAbove</c>.</summary>
    public const double DiskReallocatedFailure = 100;

    /// <summary>Pending sectors at which a disk counts as failed when its topology gives no <c>criticalAbove</c>.</summary>
    public const double DiskPendingFailure = 20;

    private static readonly WearSignal[] Fan = [new(MetricNames.FanSpeed, DegradationDirection.Falling, FanFailureRpm, "trend")];

    private static readonly WearSignal[] Disk =
    [
        new(MetricNames.ReallocatedSectors, DegradationDirection.Rising, DiskReallocatedFailure, "counters"),
        new(MetricNames.PendingSectors, DegradationDirection.Rising, DiskPendingFailure, "counters"),
    ];

    /// <summary>The wear signals of a kind; empty when its readings cannot show it wearing.</summary>
    public static IReadOnlyList<WearSignal> For(TwinKind kind) => kind switch
    {
        TwinKind.Fan => Fan,
        TwinKind.Disk => Disk,
        _ => [],
    };

    /// <summary>
    /// The wear signal of <paramref name="metric"/> on the twin: its built-in kind's, else one its declared kind names
    /// (<see cref="TwinSpec.Wear"/>; a failure value of NaN when it gives none, so only a critical limit can decide).
    /// </summary>
    public static WearSignal? Find(TwinSpec spec, string metric)
    {
        if (Find(spec.Kind, metric) is { } builtIn) return builtIn;
        foreach (var declared in spec.Wear ?? [])
        {
            if (string.Equals(declared.Metric, metric, StringComparison.Ordinal))
            {
                return new WearSignal(metric, declared.Rising ? DegradationDirection.Rising : DegradationDirection.Falling, declared.FailureAt ?? double.NaN, "trend");
            }
        }
        return null;
    }

    /// <summary>The wear signal of <paramref name="metric"/> on <paramref name="kind"/>, or null.</summary>
    public static WearSignal? Find(TwinKind kind, string metric)
    {
        foreach (var signal in For(kind))
        {
            if (string.Equals(signal.Metric, metric, StringComparison.Ordinal)) return signal;
        }
        return null;
    }
}
