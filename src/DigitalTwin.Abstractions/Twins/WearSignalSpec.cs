namespace DigitalTwin.Abstractions.Twins;

/// <summary>
/// A reading that shows a twin of a declared kind wearing out (a topology's <c>kinds: [{ wear: [...] }]</c>, for
/// example a machine's vibration): the metric, whether it rises or falls as the part wears, and where it counts as
/// failed when the twin's limits give no critical limit for it. The twin forecasts its trend towards that threshold
/// and the data centre ranks it among the maintenance predictions, as it does a fan's speed or a disk's sectors.
/// </summary>
/// <param name="Metric">The metric name, as the device reports it.</param>
/// <param name="Rising">True when the value rises as the part wears (vibration), false when it falls (a fan's speed).</param>
/// <param name="FailureAt">The value at which the part counts as failed; the metric's critical limit takes precedence.</param>
[GenerateSerializer, Immutable, Alias("dt.WearSignalSpec")]
public sealed record WearSignalSpec(
    [property: Id(0)] string Metric,
    [property: Id(1)] bool Rising,
    [property: Id(2)] double? FailureAt = null);
