using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Moves of a metric that are no hazard to the twin whatever the detector thinks of them, so they raise no anomaly
/// alert. A power path (PDU, UPS) carrying less load is one: its hazards are overload, which a rise shows, and the loss
/// of its input, which its role judges (<see cref="RoleWatch"/>); servers that stopped drawing say so themselves. Every
/// PDU and UPS of <c>dt eval faults</c> raised an anomaly when the simulated fleet's load fell by a third at the
/// weekend, the only false alerts of seeds 1 and 2 but three.
/// </summary>
public static class HarmlessMoves
{
    /// <summary>Whether a reading below the detector's baseline is harmless for this kind of twin and metric.</summary>
    public static bool IsHarmless(TwinKind kind, string metric, double value, double baseline) =>
        kind is TwinKind.Pdu or TwinKind.Ups
        && metric is MetricNames.Power or MetricNames.LoadPercent
        && value < baseline;
}
