namespace DigitalTwin.Grains.Cooling;

/// <summary>The live state of a data centre's cooling, as the optimiser is given it: one entry per room (thermal zone).</summary>
public sealed record CoolingSituation(string DataCentreId, DateTimeOffset AsOf, IReadOnlyList<RoomSituation> Rooms);
