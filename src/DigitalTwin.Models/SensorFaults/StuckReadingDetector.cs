namespace DigitalTwin.Models.SensorFaults;

/// <summary>
/// Tells a sensor that stopped varying from a quantity that is simply steady. It learns how often the series' value
/// changes from one reading to the next (the change rate p); a run of r identical readings has probability
/// (1 − p)^(r − 1) for a working sensor, and once that falls below <see cref="Improbability"/> the sensor is judged
/// stuck. A noisy temperature (p ≈ 1) is stuck after a handful of identical readings; a setpoint or a counter (p ≈ 0)
/// never is. Values at the edge of what the series has shown (a utilisation pinned at 100, a stopped fan's 0) are
/// a device at its limit, not a stuck sensor, and are never judged stuck. Plain arithmetic; bounded memory.
/// </summary>
public sealed class StuckReadingDetector
{
    /// <summary>Probability of the run for a working sensor below which it is judged stuck.</summary>
    public const double Improbability = 1e-6;

    /// <summary>Readings to learn from before judging.</summary>
    public const int LearningReadings = 60;

    /// <summary>Identical readings in a row needed at the least, however noisy the series.</summary>
    public const int MinimumRun = 5;

    // The change rate follows about the last 200 readings, so a sensor that becomes quantised is relearned.
    private const double RateWeight = 1.0 / 200;

    private double? _last;
    private double _rate;
    private long _learned;
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;

    /// <summary>Identical readings in a row, the current one included.</summary>
    public int Run { get; private set; }

    /// <summary>The learned share of readings that differ from the one before.</summary>
    public double ChangeRate => _rate;

    /// <summary>Whether the current run makes the sensor stuck.</summary>
    public bool IsStuck { get; private set; }

    /// <summary>Reads the next value (in time order); returns <see cref="IsStuck"/>.</summary>
    public bool Observe(double value)
    {
        if (!double.IsFinite(value)) return IsStuck;
        if (_last is { } last && last.Equals(value))
        {
            Run++;
        }
        else
        {
            // A run that ended without being judged stuck was the sensor's normal behaviour: learn from it.
            if (_last is not null && !IsStuck)
            {
                Learn(0, Run - 1);
                Learn(1, 1);
            }
            if (!IsStuck || _last is null)
            {
                _min = Math.Min(_min, value);
                _max = Math.Max(_max, value);
            }
            IsStuck = false;
            _last = value;
            Run = 1;
        }
        IsStuck = _learned >= LearningReadings && Run >= MinimumRun && value > _min && value < _max
            && Math.Pow(1 - _rate, Run - 1) < Improbability;
        return IsStuck;
    }

    private void Learn(double changed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _learned++;
            // A plain mean at first, then an exponential one.
            var weight = Math.Max(RateWeight, 1.0 / _learned);
            _rate += weight * (changed - _rate);
        }
    }
}
