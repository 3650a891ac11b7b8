namespace DigitalTwin.Grains.Capacity;

/// <summary>IT power of a rack or room at one moment (twin time).</summary>
[GenerateSerializer, Immutable, Alias("dt.PowerSample")]
public sealed record PowerSample([property: Id(0)] DateTimeOffset At, [property: Id(1)] double PowerW);
