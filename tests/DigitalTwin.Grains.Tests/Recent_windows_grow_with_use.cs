using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Telemetry;

namespace DigitalTwin.Grains.Tests;

/// <summary>
/// A metric's recent window holds what it was given, not its whole capacity: a fleet of a million twins with a few
/// readings each must not pay for 120 empty points per metric. Once full it keeps the newest points in order.
/// </summary>
public sealed class Recent_windows_grow_with_use
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_with_few_points_holds_little_and_a_full_one_keeps_the_newest_in_order()
    {
        var ring = new MetricRing(120);
        Assert.Equal(0, ring.Allocated);
        Assert.Null(ring.NewestTimestamp);
        Assert.Empty(ring.ToList());

        for (var i = 0; i < 3; i++) ring.Add(Point(i));
        Assert.InRange(ring.Allocated, 3, 8);
        Assert.Equal([0.0, 1, 2], ring.ToList().Select(p => p.Value));

        for (var i = 3; i < 500; i++) ring.Add(Point(i));
        Assert.Equal(120, ring.Allocated);
        Assert.Equal(Enumerable.Range(380, 120).Select(i => (double)i), ring.ToList().Select(p => p.Value));
        Assert.Equal(Start.AddSeconds(499), ring.NewestTimestamp);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    public void Growing_never_reorders_or_loses_points(int capacity)
    {
        var ring = new MetricRing(capacity);
        for (var i = 0; i < 20; i++)
        {
            ring.Add(Point(i));
            var expected = Enumerable.Range(Math.Max(0, i + 1 - capacity), Math.Min(capacity, i + 1)).Select(n => (double)n);
            Assert.Equal(expected, ring.ToList().Select(p => p.Value));
        }
    }

    private static MetricPoint Point(int i) => new(Start.AddSeconds(i), i);
}
