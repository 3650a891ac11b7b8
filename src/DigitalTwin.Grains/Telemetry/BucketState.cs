using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>
/// A one-minute min/mean/max accumulator. Keeps the sum rather than the mean so that two partial buckets of the
/// same minute (a late reading after a flush) merge exactly.
/// </summary>
[GenerateSerializer]
public sealed class BucketState
{
    /// <summary>The start of the minute.</summary>
    [Id(0)] public DateTimeOffset Start { get; set; }
    /// <summary>Smallest value.</summary>
    [Id(1)] public double Min { get; set; }
    /// <summary>Largest value.</summary>
    [Id(2)] public double Max { get; set; }
    /// <summary>Sum of values.</summary>
    [Id(3)] public double Sum { get; set; }
    /// <summary>Number of values.</summary>
    [Id(4)] public int Count { get; set; }

    /// <summary>The minute a timestamp falls in, in UTC.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset timestamp)
    {
        var utc = timestamp.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    /// <summary>A bucket holding one value.</summary>
    public static BucketState Of(DateTimeOffset minute, double value) =>
        new() { Start = minute, Min = value, Max = value, Sum = value, Count = 1 };

    /// <summary>A bucket equal to a stored one.</summary>
    public static BucketState From(HistoryBucket bucket) =>
        new() { Start = bucket.Start, Min = bucket.Min, Max = bucket.Max, Sum = bucket.Mean * bucket.Count, Count = bucket.Count };

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        Sum += value;
        Count++;
    }

    /// <summary>Adds the values of another bucket of the same minute.</summary>
    public void Merge(BucketState other)
    {
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Sum += other.Sum;
        Count += other.Count;
    }

    /// <summary>The bucket as the public contract gives it.</summary>
    public HistoryBucket ToBucket() => new(Start, Min, Count == 0 ? 0 : Sum / Count, Max, Count);
}
