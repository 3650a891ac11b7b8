namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// Scores how surprising the current pattern of a metric is.
/// <para>
/// Values are cut into levels at several resolutions (level widths learned from a short warm-up; beyond the warm-up
/// range levels widen by octaves), and so are the changes between values. For each view the detector asks whether
/// the current level, and its continuation of the previous one and two levels, has been seen before.
/// </para>
/// <para>
/// Each kind of novelty keeps its own running rate on this metric, and a novelty weighs -ln(rate): rare on a calm
/// metric means a lot, common on a noisy one means little. That calibrates one threshold across very different
/// metrics. A surprise is reported only when it beats the fading peak of earlier ones, so an event raises one alarm.
/// </para>
/// <para>
/// The ideas come from published streaming detectors: learn sequences online and flag what they did not predict
/// (the contextual anomaly detector CAD OSE, Numenta's HTM), judge it against how often that happens on the same
/// metric (HTM's anomaly likelihood), and keep quiet after an alarm (CAD OSE's rest period).
/// </para>
/// Memory is fixed by the options: the warm-up buffer, the last few levels per view and a bounded pattern table
/// (32 KB by default); nothing is allocated per reading. The first <see cref="SequenceNoveltyOptions.WarmupReadings"/>
/// readings score 0. An instance serves one metric and is not thread-safe: its owner (a twin) calls it in order.
/// </summary>
public sealed class SequenceNoveltyDetector : IStreamingAnomalyDetector
{
    private readonly SequenceNoveltyOptions _options;
    private readonly PatternMemory _memory;
    private readonly double[] _warmup;
    private readonly LevelSequence[] _valueViews;
    private readonly LevelSequence? _deltaView;
    private readonly double[] _rates;
    private readonly int _orders;
    private int _warmupCount;
    private long _observed;
    private long _scored;
    private double _previous;
    private double _peak;
    // A slow moving average of the metric: what AnomalyScore reports as the baseline (the detector itself compares
    // patterns, not distances from a mean).
    private double _baseline = double.NaN;

    // Kept so that the touching loads in Observe have a use and are not optimised away.
    private ulong _touched;

    /// <summary>Creates a detector; nothing is learned until values arrive.</summary>
    public SequenceNoveltyDetector(SequenceNoveltyOptions? options = null)
    {
        _options = options ?? new SequenceNoveltyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.WarmupReadings, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxOrder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxOrder, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.DeltaLevels);
        if (_options.Resolutions.Count is 0 or > 16 || _options.Resolutions.Any(r => r < 1))
        {
            throw new ArgumentException("one to sixteen resolutions of one level or more are needed", nameof(options));
        }

        if (!(_options.RateFloor > 0 && _options.RateFloor < 1 && _options.RateHorizon >= 1 && _options.SurpriseScale > 0
              && _options.PeakDecay >= 0 && _options.PeakDecay < 1 && _options.PriorRate > 0 && _options.PriorReadings >= 0))
        {
            throw new ArgumentException(
                "rate floor and prior rate must lie in (0, 1), rate horizon be at least 1, surprise scale be positive, peak decay lie in [0, 1)",
                nameof(options));
        }

        _memory = new PatternMemory(_options.MemoryPower);
        _warmup = new double[_options.WarmupReadings];
        _valueViews = _options.Resolutions.Select((levels, i) => CreateView(0x5EED + (ulong)i * 0x1000193, levels)).ToArray();
        _deltaView = _options.DeltaLevels > 0 ? CreateView(0xDE17A, _options.DeltaLevels) : null;
        _orders = _options.MaxOrder + 1;
        _rates = new double[(_valueViews.Length + 1) * _orders];
        Array.Fill(_rates, _options.PriorRate);
    }

    /// <summary>Readings observed so far (non-finite values are not counted).</summary>
    public long Observed => _observed;

    /// <summary>Slots of the pattern table: the bound on how many patterns the detector remembers.</summary>
    public int PatternCapacity => _memory.Capacity;

    /// <summary>Bytes the pattern table holds now: it is allocated bucket by bucket as patterns arrive, up to <see cref="PatternCapacity"/> slots of 8 bytes.</summary>
    public long PatternBytes => _memory.AllocatedBytes;

    /// <summary>Readings the warm-up buffer holds.</summary>
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

        // Each rate starts from a prior worth PriorReadings readings, then follows the metric over RateHorizon readings.
        _scored++;
        var weight = Math.Max(1.0 / _options.RateHorizon, 1.0 / (_options.PriorReadings + _scored));
        var viewCount = _valueViews.Length + (_deltaView is null ? 0 : 1);
        Span<ulong> keys = stackalloc ulong[viewCount * _orders];
        Span<int> counts = stackalloc int[viewCount];
        Span<int> levels = stackalloc int[viewCount];
        for (var v = 0; v < viewCount; v++)
        {
            var view = v < _valueViews.Length ? _valueViews[v] : _deltaView!;
            var input = v < _valueViews.Length ? value : value - _previous;
            counts[v] = view.Patterns(input, keys.Slice(v * _orders, _orders), out levels[v]);
        }

        // Independent loads first: the buckets' cache lines are fetched together, then counted.
        var touched = 0UL;
        for (var v = 0; v < viewCount; v++)
        {
            for (var k = 0; k < counts[v]; k++)
            {
                touched ^= _memory.Touch(keys[v * _orders + k]);
            }
        }

        _touched = touched;
        var surprise = 0.0;
        for (var v = 0; v < viewCount; v++)
        {
            var view = v < _valueViews.Length ? _valueViews[v] : _deltaView!;
            var novel = _memory.Novelty(keys.Slice(v * _orders, counts[v]));
            view.Advance(levels[v]);
            surprise += Weigh(novel, v * _orders, weight);
        }

        _previous = value;
        var beatsPeak = surprise > _peak;
        _peak = Math.Max(surprise, _peak * _options.PeakDecay);
        var score = beatsPeak ? surprise / (surprise + _options.SurpriseScale) : 0.0;
        return new AnomalyScore(score, _baseline, score >= _options.AlarmThreshold);
    }

    /// <summary>Adds -ln(rate) for each novel order in <paramref name="novel"/> and moves every order's rate.</summary>
    private double Weigh(int novel, int firstRate, double weight)
    {
        var surprise = 0.0;
        for (var k = 0; k < _orders; k++)
        {
            ref var rate = ref _rates[firstRate + k];
            var isNovel = (novel >> k) & 1;
            if (isNovel != 0)
            {
                surprise -= Math.Log(rate);
            }

            rate = Math.Max(_options.RateFloor, rate + weight * (isNovel - rate));
        }

        return surprise;
    }

    private void LearnWarmup()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double deltaMin = double.PositiveInfinity, deltaMax = double.NegativeInfinity;
        for (var i = 0; i < _warmup.Length; i++)
        {
            min = Math.Min(min, _warmup[i]);
            max = Math.Max(max, _warmup[i]);
            if (i > 0)
            {
                deltaMin = Math.Min(deltaMin, _warmup[i] - _warmup[i - 1]);
                deltaMax = Math.Max(deltaMax, _warmup[i] - _warmup[i - 1]);
            }
        }

        foreach (var view in _valueViews)
        {
            view.SetRange(min, max);
        }

        _deltaView?.SetRange(deltaMin, deltaMax);

        // Replaying the warm-up teaches its patterns without scoring them.
        for (var i = 0; i < _warmup.Length; i++)
        {
            foreach (var view in _valueViews)
            {
                view.Learn(_memory, _warmup[i]);
            }

            if (i > 0)
            {
                _deltaView?.Learn(_memory, _warmup[i] - _warmup[i - 1]);
            }
        }

        _previous = _warmup[^1];
    }

    private LevelSequence CreateView(ulong seed, int levels) =>
        new(seed, levels, _options.MaxOrder) { Hysteresis = _options.Hysteresis, OctaveLevels = _options.OctaveLevels };
}
