namespace DigitalTwin.Abstractions.Twins;

/// <summary>Where a rack stands in its room: its row and its slot along the row.</summary>
[GenerateSerializer, Immutable, Alias("dt.RackPosition")]
public sealed record RackPosition(
    [property: Id(0)] string Row,
    [property: Id(1)] int Slot);
