namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// One downsampled interval of a metric's durable history: the minimum, mean and maximum of the readings whose
/// timestamps fall in [<see cref="Start"/>, <see cref="Start"/> + one minute).
/// </summary>
[GenerateSerializer, Immutable, Alias("dt.HistoryBucket")]
public sealed record HistoryBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] double Min,
    [property: Id(2)] double Mean,
    [property: Id(3)] double Max,
    [property: Id(4)] int Count);
