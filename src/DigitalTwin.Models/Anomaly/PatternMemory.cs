namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// A fixed-capacity count table keyed by 64-bit pattern hashes: how often a pattern has been seen. When a probe
/// sequence is full the least-seen entry in it is replaced, so memory never grows and rare old patterns are the
/// ones forgotten.
/// </summary>
internal sealed class PatternMemory
{
    private const int ProbeLength = 8;
    private readonly ulong[] _keys;
    private readonly int[] _counts;
    private readonly int _mask;

    /// <param name="capacityPower">log2 of the number of slots.</param>
    public PatternMemory(int capacityPower)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPower, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityPower, 24);
        _keys = new ulong[1 << capacityPower];
        _counts = new int[1 << capacityPower];
        _mask = (1 << capacityPower) - 1;
    }

    /// <summary>Number of slots: the most patterns the table can hold.</summary>
    public int Capacity => _keys.Length;

    /// <summary>Returns how often <paramref name="key"/> was seen before, then counts this sighting.</summary>
    public int CountAndAdd(ulong key)
    {
        key |= 1; // 0 marks an empty slot
        var start = (int)(key >> 40) & _mask;
        var victim = start;
        var victimCount = int.MaxValue;
        for (var probe = 0; probe < ProbeLength; probe++)
        {
            var slot = (start + probe) & _mask;
            var stored = _keys[slot];
            if (stored == key)
            {
                var seen = _counts[slot];
                if (seen < int.MaxValue)
                {
                    _counts[slot] = seen + 1;
                }

                return seen;
            }

            if (stored == 0)
            {
                _keys[slot] = key;
                _counts[slot] = 1;
                return 0;
            }

            if (_counts[slot] < victimCount)
            {
                victimCount = _counts[slot];
                victim = slot;
            }
        }

        _keys[victim] = key;
        _counts[victim] = 1;
        return 0;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_counts);
    }
}
