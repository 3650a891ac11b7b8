namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// Scores how surprising the current pattern is. Values are cut into levels (several resolutions, widths learned
/// during warm-up); for the current level and for each context of the previous 1..MaxOrder levels the detector asks
/// whether that continuation has been seen before. Each kind of novelty has its own running rate, so a novelty that
/// is rare on this metric weighs a lot (its surprise is -ln rate) and one that happens all the time weighs little:
/// that calibrates one threshold across very different metrics. After a high score the output rests for a while, so
/// one event raises one alarm (ideas from the contextual anomaly detector CAD OSE and Numenta's HTM with its anomaly
/// likelihood: learn sequences online, flag what they did not predict, judge it against how often that happens).
/// Memory is fixed by the options: a warm-up buffer, the last few levels per view and a bounded pattern table.
/// </summary>
public sealed class SequenceNoveltyDetector : IStreamingAnomalyDetector
{
    private readonly SequenceNoveltyOptions _options;
    private readonly PatternMemory _memory;
    private readonly double[] _warmup;
    private readonly LevelSequence[] _views;
    private readonly double[] _rates;
    private readonly double _rateDecay;
    private int _warmupCount;
    private long _observed;
    private long _restUntil = long.MinValue;
    private double _baseline = double.NaN;

    /// <summary>Creates a detector; nothing is learned until values arrive.</summary>
    public SequenceNoveltyDetector(SequenceNoveltyOptions? options = null)
    {
        _options = options ?? new SequenceNoveltyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.WarmupReadings, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxOrder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxOrder, 16);
        if (_options.Resolutions.Count == 0 || _options.Resolutions.Any(r => r < 1))
        {
            throw new ArgumentException("at least one resolution of one level or more is needed", nameof(options));
        }

        _memory = new PatternMemory(_options.MemoryPower);
        _warmup = new double[_options.WarmupReadings];
        var views = _options.Resolutions.Select((levels, i) => new LevelSequence(0x5EED + (ulong)i * 0x1000193, levels, _options.MaxOrder) { Hysteresis = _options.Hysteresis, OctaveLevels = _options.OctaveLevels }).ToList();
        _valueViews = views.Count;
        if (_options.TimeOfDayLevels > 0)
        {
            _timeView = views.Count;
            views.Add(new LevelSequence(0x71DE, _options.TimeOfDayLevels, 0));
        }

        if (_options.DeltaLevels > 0)
        {
            _deltaView = views.Count;
            views.Add(new LevelSequence(0xDE17A, _options.DeltaLevels, _options.MaxOrder) { Hysteresis = _options.Hysteresis, OctaveLevels = _options.OctaveLevels });
        }

        _views = views.ToArray();
        _rates = new double[_views.Length * (_options.MaxOrder + 1)];
        Array.Fill(_rates, _options.PriorRate);
        _rateDecay = 1.0 / _options.RateHorizon;
        _observedSinceWarmup = 0;
    }

    private double _observedSinceWarmup;
    private readonly int _valueViews;
    private readonly int _timeView = -1;
    private readonly int _deltaView = -1;
    private double _previous = double.NaN;
    private double _peak;

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

        // Rates start from a prior worth PriorReadings readings and then track the metric over RateHorizon readings.
        _observedSinceWarmup++;
        var weight = Math.Max(_rateDecay, 1.0 / (_options.PriorReadings + _observedSinceWarmup));
        var surprise = 0.0;
        var orders = _options.MaxOrder + 1;
        var situation = TimeSituation(timestamp);
        var delta = double.IsNaN(_previous) ? 0 : value - _previous;
        _previous = value;
        for (var v = 0; v < _views.Length; v++)
        {
            var novel = v == _timeView ? _views[v].Learn(_memory, value, situation)
                : v == _deltaView ? _views[v].Learn(_memory, delta)
                : _views[v].Learn(_memory, value);
            for (var k = 0; k < orders; k++)
            {
                ref var rate = ref _rates[v * orders + k];
                var isNovel = (novel >> k) & 1;
                if (isNovel != 0)
                {
                    var s = -Math.Log(rate);
                    surprise = _options.SumSurprise ? surprise + s : Math.Max(surprise, s);
                }

                rate += weight * (isNovel - rate);
                rate = Math.Max(rate, 1e-9);
            }
        }

        var raw = surprise / (surprise + _options.SurpriseScale);
        double score;
        if (_options.PeakDecay > 0)
        {
            score = raw > _peak ? raw : 0;
            _peak = Math.Max(raw, _peak * _options.PeakDecay);
        }
        else if (_observed <= _restUntil)
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

        double dmin = double.PositiveInfinity, dmax = double.NegativeInfinity;
        for (var i = 1; i < _warmup.Length; i++)
        {
            dmin = Math.Min(dmin, _warmup[i] - _warmup[i - 1]);
            dmax = Math.Max(dmax, _warmup[i] - _warmup[i - 1]);
        }

        for (var v = 0; v < _views.Length; v++)
        {
            if (v == _deltaView)
            {
                _views[v].SetRange(dmin, dmax);
            }
            else
            {
                _views[v].SetRange(min, max);
            }
        }

        // The warm-up's timestamps are not kept, so the time-of-day view starts learning afterwards.
        for (var i = 0; i < _warmup.Length; i++)
        {
            for (var v = 0; v < _views.Length; v++)
            {
                if (v == _deltaView)
                {
                    if (i > 0)
                    {
                        _views[v].Learn(_memory, _warmup[i] - _warmup[i - 1]);
                    }
                }
                else if (v != _timeView)
                {
                    _views[v].Learn(_memory, _warmup[i]);
                }
            }
        }

        _previous = _warmup[^1];
    }

    private ulong TimeSituation(DateTimeOffset timestamp)
    {
        if (_timeView < 0)
        {
            return 0;
        }

        var bucket = (int)(timestamp.TimeOfDay.Ticks * _options.TimeOfDayBuckets / TimeSpan.TicksPerDay);
        return (ulong)bucket + 1;
    }
}
