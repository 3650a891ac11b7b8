using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Cooling;

/// <summary>One room: its rated properties (volume, row pitch, slot width), its racks and its CRACs.</summary>
public sealed record RoomSituation(
    string RoomId,
    IReadOnlyDictionary<string, double> Rated,
    IReadOnlyList<RackSituation> Racks,
    IReadOnlyList<CracSituation> Cracs);
