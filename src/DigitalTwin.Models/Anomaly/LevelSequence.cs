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
    private double _origin;
    private double _width = 1;

    public LevelSequence(ulong seed, int levels, int maxOrder)
    {
        _seed = seed;
        _levels = levels;
        MaxOrder = maxOrder;
        _recent = new int[Math.Max(1, maxOrder)];
    }

    public int MaxOrder { get; }

    /// <summary>Cuts [min, max] into the view's levels; values outside fall into further levels of the same width.</summary>
    public void SetRange(double min, double max)
    {
        _origin = min;
        _width = (max - min) / _levels;
        if (!(_width > 0))
        {
            // A flat range gives no scale: take one relative to the value so that any real change shows.
            _width = Math.Max(Math.Abs(min) * 0.01, 1e-9);
        }
    }

    public int LevelOf(double value)
    {
        var level = Math.Floor((value - _origin) / _width);
        if (level == _levels && value <= _origin + _levels * _width)
        {
            level = _levels - 1; // the top of the range belongs to the last level, not a new one
        }

        return (int)Math.Clamp(level, -1_000_000, 1_000_000);
    }

    /// <summary>
    /// Counts the patterns that end at <paramref name="value"/>'s level and returns which were new: bit k set when
    /// the continuation of the previous k levels had never been seen (bit 0: the level itself).
    /// </summary>
    public int Learn(PatternMemory memory, double value, ulong situation = 0)
    {
        var level = LevelOf(value);
        var symbol = (ulong)(uint)level;
        var seed = situation == 0 ? _seed : Mix(_seed, situation);
        var novelty = memory.CountAndAdd(Mix(seed, symbol)) == 0 ? 1 : 0;
        var orders = Math.Min(MaxOrder, _recentCount);
        var context = seed;
        var index = _recentHead;
        for (var k = 1; k <= orders; k++)
        {
            index = index == 0 ? _recent.Length - 1 : index - 1;
            context = Mix(context, (ulong)(uint)_recent[index]);
            if (memory.CountAndAdd(Mix(context, symbol)) == 0)
            {
                novelty |= 1 << k;
            }
        }

        _recent[_recentHead] = level;
        _recentHead = (_recentHead + 1) % _recent.Length;
        _recentCount = Math.Min(_recentCount + 1, _recent.Length);
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
