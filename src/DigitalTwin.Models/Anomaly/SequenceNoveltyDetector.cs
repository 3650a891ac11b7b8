namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// Scores how new the current pattern is. Values are cut into levels of a width learned during warm-up; for the
/// current level and for each context of the previous 1..MaxOrder levels the detector asks whether that
/// continuation has been seen before. The share of never-seen continuations is the raw score: a repeating pattern
/// scores 0, a value at a level never visited scores 1. After a high score the output rests for a while, so one
/// event raises one alarm (the idea behind the contextual anomaly detector CAD OSE and Numenta's HTM: learn
/// sequences online, flag what they did not predict).
/// Memory is fixed by the options: a warm-up buffer, the last MaxOrder levels and a bounded pattern table.
/// </summary>
public sealed class SequenceNoveltyDetector : IStreamingAnomalyDetector
{
    private readonly SequenceNoveltyOptions _options;
    private readonly PatternMemory _memory;
    private readonly double[] _warmup;
    private readonly int[] _recent;
    private int _warmupCount;
    private int _recentCount;
    private int _recentHead;
    private double _origin;
    private double _levelWidth;
    private long _observed;
    private long _restUntil = long.MinValue;
    private double _baseline = double.NaN;

    /// <summary>Creates a detector; nothing is learned until values arrive.</summary>
    public SequenceNoveltyDetector(SequenceNoveltyOptions? options = null)
    {
        _options = options ?? new SequenceNoveltyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.WarmupReadings, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Levels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxOrder);
        _memory = new PatternMemory(_options.MemoryPower);
        _warmup = new double[_options.WarmupReadings];
        _recent = new int[Math.Max(1, _options.MaxOrder)];
    }

    /// <summary>Readings scored so far (non-finite values are not counted).</summary>
    public long Observed => _observed;

    /// <summary>Slots of the pattern table: the bound on what the detector remembers.</summary>
    public int PatternCapacity => _memory.Capacity;

    /// <summary>Readings the warm-up buffer holds at most.</summary>
    public int WarmupCapacity => _warmup.Length;

    /// <inheritdoc />
    public AnomalyScore Observe(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            // A missing or broken reading says nothing about the pattern; it neither scores nor teaches.
            return new AnomalyScore(0, _baseline, false);
        }

        _observed++;
        _baseline = double.IsNaN(_baseline) ? value : _baseline + 0.01 * (value - _baseline);
        if (_warmupCount < _warmup.Length)
        {
            _warmup[_warmupCount++] = value;
            if (_warmupCount == _warmup.Length)
            {
                LearnWarmup();
            }

            return new AnomalyScore(0, _baseline, false);
        }

        var raw = Learn(LevelOf(value));
        double score;
        if (_observed <= _restUntil)
        {
            score = 0;
        }
        else
        {
            score = raw;
            if (raw >= _options.RestTrigger)
            {
                _restUntil = _observed + _options.RestReadings;
            }
        }

        return new AnomalyScore(score, _baseline, score >= _options.AlarmThreshold);
    }

    private void LearnWarmup()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in _warmup)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        _origin = min;
        _levelWidth = (max - min) / _options.Levels;
        if (!(_levelWidth > 0))
        {
            // A flat warm-up gives no scale: take one relative to the value so that any real change shows.
            _levelWidth = Math.Max(Math.Abs(min) * 0.01, 1e-9);
        }

        foreach (var v in _warmup)
        {
            Learn(LevelOf(v));
        }
    }

    private int LevelOf(double value)
    {
        var level = Math.Floor((value - _origin) / _levelWidth);
        // The top of the warm-up range belongs to the last level, not a new one.
        if (level == _options.Levels && value <= _origin + _options.Levels * _levelWidth)
        {
            level = _options.Levels - 1;
        }

        return (int)Math.Clamp(level, -1_000_000, 1_000_000);
    }

    /// <summary>Counts the patterns that end at <paramref name="level"/> and returns the share that were new.</summary>
    private double Learn(int level)
    {
        var symbol = (ulong)(uint)level;
        var novel = _memory.CountAndAdd(Mix(0x5EED, symbol)) == 0 ? 1 : 0;
        var orders = Math.Min(_options.MaxOrder, _recentCount);
        var context = 0x0C0FFEEUL;
        var index = _recentHead;
        for (var k = 1; k <= orders; k++)
        {
            index = index == 0 ? _recent.Length - 1 : index - 1;
            context = Mix(context, (ulong)(uint)_recent[index]);
            if (_memory.CountAndAdd(Mix(context, symbol)) == 0)
            {
                novel++;
            }
        }

        _recent[_recentHead] = level;
        _recentHead = (_recentHead + 1) % _recent.Length;
        _recentCount = Math.Min(_recentCount + 1, _recent.Length);
        return novel / (double)(_options.MaxOrder + 1);
    }

    private static ulong Mix(ulong hash, ulong value)
    {
        var x = (hash ^ value) * 0xBF58476D1CE4E5B9UL + 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 29);
    }
}
