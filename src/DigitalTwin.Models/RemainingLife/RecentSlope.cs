namespace DigitalTwin.Models.RemainingLife;

/// <summary>
/// The slope of a metric's last few readings (at most <c>capacity</c>, none older than <c>maxAge</c> before the latest),
/// by ordinary least squares over those raw readings, with
/// its standard error from their own scatter. A long, exponentially weighted trend cannot say whether the readings
/// still move as it does: an excursion hours old still weighs on it. This can, and costs a dozen readings of memory.
/// Not thread-safe: one per metric per twin, called from the twin's single-threaded turn; not persisted (it refills
/// within its window after a twin comes back from storage, and says nothing until then).
/// </summary>
public sealed class RecentSlope(TimeSpan maxAge, int capacity = 12)
{
    /// <summary>Readings needed in the window before a slope is given.</summary>
    public const int MinimumReadings = 6;

    private readonly Queue<(DateTimeOffset At, double Value)> _readings = new(capacity);

    /// <summary>How far back the readings may reach from the latest one (after a gap, older ones say nothing of now).</summary>
    public TimeSpan MaxAge { get; } = maxAge > TimeSpan.Zero ? maxAge : throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "The age must be positive.");

    /// <summary>Takes a reading in time order; a non-finite or out-of-order one is ignored.</summary>
    public void Observe(DateTimeOffset at, double value)
    {
        if (!double.IsFinite(value) || (_readings.Count > 0 && at < _readings.Last().At)) return;
        _readings.Enqueue((at, value));
        while (_readings.Count > capacity || (_readings.Count > 0 && at - _readings.Peek().At > MaxAge)) _readings.Dequeue();
    }

    /// <summary>The slope per hour of the readings in the window and its standard error, or null with too few of them.</summary>
    public (double SlopePerHour, double StandardError)? Slope()
    {
        var n = _readings.Count;
        if (n < MinimumReadings) return null;
        var origin = _readings.Peek().At;
        double st = 0, sx = 0;
        foreach (var (at, value) in _readings) { st += (at - origin).TotalHours; sx += value; }
        var meanT = st / n;
        var meanX = sx / n;
        double stt = 0, stx = 0;
        foreach (var (at, value) in _readings)
        {
            var dt = (at - origin).TotalHours - meanT;
            stt += dt * dt;
            stx += dt * (value - meanX);
        }
        if (stt <= 0) return null;
        var slope = stx / stt;
        double residuals = 0;
        foreach (var (at, value) in _readings)
        {
            var e = value - meanX - slope * ((at - origin).TotalHours - meanT);
            residuals += e * e;
        }
        return (slope, Math.Sqrt(residuals / (n - 2) / stt));
    }
}
