using DigitalTwin.Grains.Telemetry;

namespace DigitalTwin.Grains.History;

/// <summary>One day of one metric's buckets, at most one per minute (1440), oldest first.</summary>
[GenerateSerializer]
public sealed class HistoryState
{
    /// <summary>The buckets, ordered by start.</summary>
    [Id(0)] public List<BucketState> Buckets { get; set; } = [];
}
