using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// One power source (UPS or PDU) now: the path labels it carries, what feeds it, its rated capacity, the power it
/// delivers (<c>power_w</c>) and the headroom left (capacity − load; negative when overloaded; null when either is
/// unknown), with its latest values (<c>load_pct</c>, <c>input_v</c>, <c>on_battery</c>, <c>battery_pct</c>).
/// </summary>
public sealed record FeedLoad(
    string Id,
    TwinKind Kind,
    string? Name,
    string? ParentId,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Sources,
    double? CapacityW,
    double? LoadW,
    double? HeadroomW,
    HealthStatus Health,
    IReadOnlyDictionary<string, double> Metrics);
