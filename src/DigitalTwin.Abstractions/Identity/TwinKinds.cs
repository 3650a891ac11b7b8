namespace DigitalTwin.Abstractions.Identity;

/// <summary>Facts about twin kinds: their level, which parents they may have, and their names in files.</summary>
public static class TwinKinds
{
    /// <summary>The hierarchy level a kind lives at.</summary>
    public static TwinLevel LevelOf(this TwinKind kind) => kind switch
    {
        TwinKind.DataCentre => TwinLevel.DataCentre,
        TwinKind.Room => TwinLevel.Room,
        TwinKind.Rack => TwinLevel.Rack,
        TwinKind.Server or TwinKind.Crac or TwinKind.Pdu or TwinKind.Ups or TwinKind.NetworkSwitch or TwinKind.Service => TwinLevel.Asset,
        TwinKind.Cpu or TwinKind.Memory or TwinKind.Disk or TwinKind.Fan or TwinKind.Psu => TwinLevel.Component,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown twin kind."),
    };

    /// <summary>
    /// Whether a twin of <paramref name="child"/> kind may sit directly under one of <paramref name="parent"/> kind.
    /// Assets live in racks, or in rooms (floor-standing CRACs, UPSs, PDUs); components live only in assets. Services
    /// are not hardware: they sit in a data centre or a room and take no components.
    /// </summary>
    public static bool MayContain(this TwinKind parent, TwinKind child) => (parent.LevelOf(), child.LevelOf()) switch
    {
        (TwinLevel.DataCentre, TwinLevel.Room) => true,
        (TwinLevel.DataCentre, TwinLevel.Asset) => child is TwinKind.Service,
        (TwinLevel.Room, TwinLevel.Rack) => true,
        (TwinLevel.Room, TwinLevel.Asset) => child is TwinKind.Crac or TwinKind.Ups or TwinKind.Pdu or TwinKind.NetworkSwitch or TwinKind.Service,
        (TwinLevel.Rack, TwinLevel.Asset) => child is not (TwinKind.Crac or TwinKind.Service),
        (TwinLevel.Asset, TwinLevel.Component) => parent is not TwinKind.Service,
        _ => false,
    };

    /// <summary>All kinds, in declaration order.</summary>
    public static IReadOnlyList<TwinKind> All { get; } = Enum.GetValues<TwinKind>();

    /// <summary>The spelling used in topology files and on the wire: lower case, no separators.</summary>
    public static string ToWireName(this TwinKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a kind name case-insensitively, accepting <c>data-centre</c>, <c>data_center</c> and similar spellings.</summary>
    public static bool TryParse(string? text, out TwinKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var folded = text.Replace("-", "").Replace("_", "").Replace(" ", "").ToLowerInvariant();
        folded = folded switch
        {
            "datacenter" or "dc" => "datacentre",
            "switch" => "networkswitch",
            "cooling" or "coolingunit" => "crac",
            "mem" or "dimm" => "memory",
            _ => folded,
        };
        foreach (var candidate in All)
        {
            if (candidate.ToWireName() == folded) { kind = candidate; return true; }
        }
        return false;
    }
}
