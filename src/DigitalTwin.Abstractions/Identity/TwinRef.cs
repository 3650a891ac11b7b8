namespace DigitalTwin.Abstractions.Identity;

/// <summary>A reference to a twin: its id and kind, enough to address its grain.</summary>
[GenerateSerializer, Immutable, Alias("dt.TwinRef")]
public sealed record TwinRef(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind);
