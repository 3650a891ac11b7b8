namespace DigitalTwin.Models.Power;

/// <summary>
/// A UPS or PDU.
/// </summary>
/// <param name="Id">Its twin id.</param>
/// <param name="Kind">UPS or PDU.</param>
/// <param name="CapacityW">Rated capacity, W (<c>capacity_w</c>).</param>
/// <param name="Inputs">What feeds it; empty for a node fed straight from the utility (a UPS at the head of a chain).</param>
/// <param name="BatteryRuntimeS">A UPS's battery runtime at full load, s (<c>battery_runtime_s</c>); 0 when none.</param>
public sealed record PowerNode(
    string Id,
    PowerNodeKind Kind,
    double CapacityW,
    IReadOnlyList<PowerLink> Inputs,
    double BatteryRuntimeS = 0);
