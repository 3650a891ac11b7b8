using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>
/// A ring of the most recent points of one metric, at most <c>capacity</c>; the oldest point is overwritten. The
/// array starts small and doubles up to the capacity, so a metric that was read a few times (most metrics of a large
/// fleet between bursts, or a name a device sent once) holds a few points, not the whole window.
/// </summary>
public sealed class MetricRing(int capacity)
{
    private const int InitialSize = 4;
    private int _capacity = Math.Max(1, capacity);
    private MetricPoint[] _points = [];
    private int _next;
    private int _count;

    /// <summary>The most points the ring keeps.</summary>
    public int Capacity => _capacity;

    /// <summary>Points the ring has room for now (grows with use up to <see cref="Capacity"/>).</summary>
    public int Allocated => _points.Length;

    /// <summary>The newest point's timestamp, or null when empty.</summary>
    public DateTimeOffset? NewestTimestamp => _count == 0 ? null : _points[(_next - 1 + _points.Length) % _points.Length].Timestamp;

    /// <summary>
    /// Appends a point, growing the ring when full if <paramref name="mayGrow"/> (else the oldest point goes); returns
    /// how many points of room were added.
    /// </summary>
    public int Add(MetricPoint point, bool mayGrow = true)
    {
        var before = _points.Length;
        if (_count == _points.Length && _points.Length < _capacity && (mayGrow || _points.Length == 0)) Grow();
        _points[_next] = point;
        _next = (_next + 1) % _points.Length;
        if (_count < _points.Length) _count++;
        return _points.Length - before;
    }

    /// <summary>Raises the most points the ring keeps to <paramref name="capacity"/> (never lowers it); the ring grows into it with use.</summary>
    public void Widen(int capacity) => _capacity = Math.Max(_capacity, capacity);

    /// <summary>The points, oldest first.</summary>
    public IReadOnlyList<MetricPoint> ToList()
    {
        var result = new MetricPoint[_count];
        var start = (_next - _count + _points.Length) % Math.Max(1, _points.Length);
        for (var i = 0; i < _count; i++) result[i] = _points[(start + i) % _points.Length];
        return result;
    }

    // Only called when full, so the points are in order from _next around the ring.
    private void Grow()
    {
        var larger = new MetricPoint[Math.Min(_capacity, Math.Max(InitialSize, _points.Length * 2))];
        for (var i = 0; i < _count; i++) larger[i] = _points[(_next + i) % _points.Length];
        _points = larger;
        _next = _count;
    }
}
