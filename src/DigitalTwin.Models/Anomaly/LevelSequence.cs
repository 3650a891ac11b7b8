namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// One view of a metric as a sequence of discrete levels: the level of each value and the last few levels before
/// it, whose continuations are counted in a shared <see cref="PatternMemory"/>.
/// </summary>
internal sealed class LevelSequence
{
    private readonly ulong _seed;
    private readonly int _levels;
    private readonly int[] _recent;
    private int _recentCount;
    private int _recentHead;
    private int _run;
    private double _origin;
    private double _perWidth = 1;

    public LevelSequence(ulong seed, int levels, int maxOrder)
    {
        _seed = seed;
        _levels = levels;
        MaxOrder = maxOrder;
        _recent = new int[Math.Max(1, maxOrder)];
    }

    public int MaxOrder { get; }

    /// <summary>Cuts [min, max] into the view's levels; values outside fall into further levels (see <see cref="OctaveLevels"/>).</summary>
    public void SetRange(double min, double max)
    {
        _origin = min;
        var width = (max - min) / _levels;
        if (!(width > 0))
        {
            // A flat range gives no scale: take one relative to the value so that any real change shows.
            width = Math.Max(Math.Abs(min) * 0.01, 1e-9);
        }

        _perWidth = 1 / width;
    }

    /// <summary>
    /// The level of <paramref name="value"/>. A value within <see cref="Hysteresis"/> of a level width beyond the
    /// previous level's edges keeps that level, so that noise (or rounding) on a boundary does not read as a new pattern.
    /// </summary>
    public int LevelOf(double value)
    {
        var position = Position(value);
        if (_recentCount > 0)
        {
            var previous = _recent[_recentHead == 0 ? _recent.Length - 1 : _recentHead - 1];
            if (position >= previous - Hysteresis && position < previous + 1 + Hysteresis)
            {
                return previous;
            }
        }

        var level = Math.Floor(position);
        return (int)Math.Clamp(level, -1_000_000, 1_000_000);
    }

    /// <summary>
    /// Where <paramref name="value"/> lies in level units: linear inside the learned range; beyond it levels widen
    /// geometrically (twice as far is one more octave, not thousands of new levels), so a metric that outgrows its
    /// warm-up keeps a small vocabulary.
    /// </summary>
    private double Position(double value)
    {
        var linear = (value - _origin) * _perWidth;
        if (OctaveLevels <= 0 || (linear >= 0 && linear <= _levels))
        {
            return linear;
        }

        return linear > _levels
            ? _levels + OctaveLevels * Math.Log2(1 + (linear - _levels) / _levels)
            : -OctaveLevels * Math.Log2(1 - linear / _levels);
    }

    /// <summary>Levels per doubling of the distance beyond the learned range (0: beyond it levels keep their width).</summary>
    public double OctaveLevels { get; init; }

    /// <summary>How far (in level widths) a value may stray past the previous level's edges and still keep it.</summary>
    public double Hysteresis { get; init; }

    /// <summary>
    /// Writes the keys of the patterns that end at <paramref name="value"/>'s level into <paramref name="keys"/>
    /// (index k: the level after the previous k levels) and returns how many there are; <see cref="Advance"/> must
    /// follow with <paramref name="level"/>. Splitting the two lets a caller touch every key's bucket first, so that
    /// the cache misses of several views overlap instead of queueing.
    /// </summary>
    public int Patterns(double value, Span<ulong> keys, out int level)
    {
        level = LevelOf(value);
        _run = _recentCount > 0 && level == _recent[_recentHead == 0 ? _recent.Length - 1 : _recentHead - 1] ? _run + 1 : 1;

        // While a level holds for longer than the longest context, every pattern repeats the previous reading's,
        // which was just counted: nothing can be new, and the table is left alone. Steady metrics cost little.
        if (_run > MaxOrder + 1)
        {
            return 0;
        }

        var symbol = (ulong)(uint)level;
        keys[0] = Mix(_seed, symbol);
        var orders = Math.Min(MaxOrder, _recentCount);
        var context = _seed;
        var index = _recentHead;
        for (var k = 1; k <= orders; k++)
        {
            index = index == 0 ? _recent.Length - 1 : index - 1;
            context = Mix(context, (ulong)(uint)_recent[index]);
            keys[k] = Mix(context, symbol);
        }

        return orders + 1;
    }

    /// <summary>Makes <paramref name="level"/> the latest of the sequence.</summary>
    public void Advance(int level)
    {
        _recent[_recentHead] = level;
        _recentHead = (_recentHead + 1) % _recent.Length;
        _recentCount = Math.Min(_recentCount + 1, _recent.Length);
    }

    /// <summary>
    /// Counts the patterns that end at <paramref name="value"/>'s level and returns which were new: bit k set when
    /// the continuation of the previous k levels had never been seen (bit 0: the level itself).
    /// </summary>
    public int Learn(PatternMemory memory, double value)
    {
        Span<ulong> keys = stackalloc ulong[MaxOrder + 1];
        var count = Patterns(value, keys, out var level);
        var novelty = memory.Novelty(keys[..count]);
        Advance(level);
        return novelty;
    }

    private static ulong Mix(ulong hash, ulong value)
    {
        var x = (hash ^ value) * 0xBF58476D1CE4E5B9UL + 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 29);
    }
}
