namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// A power path into a twin: the UPS or PDU it is fed from and the path label (<c>A</c>, <c>B</c>) that tells
/// redundant feeds apart. A rack with feeds on two distinct paths survives the loss of one.
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.PowerFeed")]
public sealed record PowerFeed(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string Path);
