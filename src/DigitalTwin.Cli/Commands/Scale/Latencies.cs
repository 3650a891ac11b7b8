namespace DigitalTwin.Cli.Commands.Scale;

/// <summary>Call latencies in milliseconds, collected from many tasks, and their quantiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    /// <summary>How many calls were timed.</summary>
    public int Count
    {
        get
        {
            lock (_milliseconds) return _milliseconds.Count;
        }
    }

    /// <summary>Adds one call's time.</summary>
    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds) _milliseconds.Add(elapsed.TotalMilliseconds);
    }

    /// <summary>The <paramref name="quantile"/> (0..1) by the nearest-rank method; NaN when nothing was timed.</summary>
    public double Quantile(double quantile)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0) return double.NaN;
            var sorted = _milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(quantile * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
