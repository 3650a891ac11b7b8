using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Telemetry;

/// <summary>A fixed-capacity ring of the most recent points of one metric; the oldest point is overwritten.</summary>
public sealed class MetricRing(int capacity)
{
    private readonly MetricPoint[] _points = new MetricPoint[Math.Max(1, capacity)];
    private int _next;
    private int _count;

    /// <summary>The newest point's timestamp, or null when empty.</summary>
    public DateTimeOffset? NewestTimestamp => _count == 0 ? null : _points[(_next - 1 + _points.Length) % _points.Length].Timestamp;

    /// <summary>Appends a point.</summary>
    public void Add(MetricPoint point)
    {
        _points[_next] = point;
        _next = (_next + 1) % _points.Length;
        if (_count < _points.Length) _count++;
    }

    /// <summary>The points, oldest first.</summary>
    public IReadOnlyList<MetricPoint> ToList()
    {
        var result = new MetricPoint[_count];
        var start = (_next - _count + _points.Length) % _points.Length;
        for (var i = 0; i < _count; i++) result[i] = _points[(start + i) % _points.Length];
        return result;
    }
}
