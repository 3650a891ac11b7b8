using DigitalTwin.Models.Thermal;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// One room: its rated properties (volume, row pitch, slot width), its racks and its CRACs, and its telemetry history
/// over the calibration window (null or empty when none was read).
/// </summary>
public sealed record RoomSituation(
    string RoomId,
    IReadOnlyDictionary<string, double> Rated,
    IReadOnlyList<RackSituation> Racks,
    IReadOnlyList<CracSituation> Cracs,
    ThermalHistory? History = null);
