using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Evaluation.WhatIf;

/// <summary>
/// A room's thermal layout read from topology: its racks (with their servers), its CRACs with their ratings, and
/// its volume. <see cref="ToThermalRoom"/> adds the present state (rack power, CRAC setpoints and fans).
/// </summary>
public sealed record RoomLayout(
    string RoomId,
    double VolumeM3,
    IReadOnlyList<RackLayout> Racks,
    IReadOnlyList<ThermalCrac> Cracs,
    double? BypassFraction = null,
    FloorReach? SurveyedReach = null)
{
    /// <summary>Every server id mapped to its rack id.</summary>
    public IReadOnlyDictionary<string, string> ServerRacks { get; } =
        Racks.SelectMany(r => r.ServerIds.Select(s => (s, r.Id))).ToDictionary(p => p.s, p => p.Id, StringComparer.Ordinal);

    /// <summary>Every other piece of rack equipment that draws the rack's cold air (network switches) mapped to its
    /// rack id: only its power is read, as heat the rack's air carries away.</summary>
    public IReadOnlyDictionary<string, string> EquipmentRacks { get; } =
        Racks.SelectMany(r => r.EquipmentIds.Select(e => (e, r.Id))).ToDictionary(p => p.e, p => p.Id, StringComparer.Ordinal);

    /// <summary>The thermal room with each rack at <paramref name="rackPowerW"/> and each CRAC as
    /// <paramref name="crac"/> says (unchanged when it returns null).</summary>
    public ThermalRoom ToThermalRoom(Func<string, double> rackPowerW, Func<ThermalCrac, ThermalCrac>? crac = null) => new(
        RoomId,
        VolumeM3,
        [.. Racks.Select(r => new ThermalRack(r.Id, r.Position, rackPowerW(r.Id), r.InletLimitC, r.Cooling, r.ServerIds.Count, r.NameplatePowerW))],
        [.. Cracs.Select(c => crac?.Invoke(c) ?? c)],
        BypassFraction,
        SurveyedReach);
}

/// <summary>A rack's layout: position, servers, nameplate, inlet limit, cooling list and the other equipment (network
/// switches) whose fans draw from the same cold aisle.</summary>
public sealed record RackLayout(
    string Id,
    FloorPoint? Position,
    IReadOnlyList<string> ServerIds,
    double NameplatePowerW,
    double InletLimitC,
    IReadOnlyList<string> Cooling,
    IReadOnlyList<string> EquipmentIds);
