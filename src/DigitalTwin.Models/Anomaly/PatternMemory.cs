namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// A fixed-capacity count table keyed by 64-bit pattern hashes: how often a pattern has been seen. Slots are grouped
/// in buckets of eight (one cache line); when a bucket is full its least-seen entry is replaced, so memory never
/// grows and rare old patterns are the ones forgotten. Each slot packs a 48-bit fingerprint and a 16-bit count.
/// </summary>
internal sealed class PatternMemory
{
    private const int BucketSize = 8;
    private const ulong CountMask = 0xFFFF;
    private readonly ulong[] _slots;
    private readonly int _bucketMask;

    /// <param name="capacityPower">log2 of the number of slots.</param>
    public PatternMemory(int capacityPower)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPower, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityPower, 24);
        _slots = new ulong[1 << capacityPower];
        _bucketMask = (1 << capacityPower) / BucketSize - 1;
    }

    /// <summary>Number of slots: the most patterns the table can hold.</summary>
    public int Capacity => _slots.Length;

    /// <summary>
    /// Counts each of <paramref name="keys"/> and returns which were new: bit k set when <paramref name="keys"/>[k]
    /// had never been seen.
    /// </summary>
    public int Novelty(ReadOnlySpan<ulong> keys)
    {
        var novelty = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if (CountAndAdd(keys[k]) == 0)
            {
                novelty |= 1 << k;
            }
        }

        return novelty;
    }

    /// <summary>
    /// Reads the first slot of <paramref name="key"/>'s bucket and returns it. Touching the buckets of all of a
    /// reading's patterns before counting them lets the processor fetch their cache lines in parallel.
    /// </summary>
    public ulong Touch(ulong key) => _slots[BucketStart(key)];

    private int BucketStart(ulong key) => ((int)(key >> 7) & _bucketMask) * BucketSize;

    /// <summary>Returns how often <paramref name="key"/> was seen before (saturating at 65,534), then counts this sighting.</summary>
    public int CountAndAdd(ulong key)
    {
        var fingerprint = key & ~CountMask;
        if (fingerprint == 0)
        {
            fingerprint = 1UL << 16; // an all-zero slot means empty
        }

        var start = BucketStart(key);
        var victim = start;
        var victimCount = ulong.MaxValue;
        for (var slot = start; slot < start + BucketSize; slot++)
        {
            var stored = _slots[slot];
            if (stored == 0)
            {
                _slots[slot] = fingerprint | 1;
                return 0;
            }

            var count = stored & CountMask;
            if ((stored & ~CountMask) == fingerprint)
            {
                if (count < CountMask)
                {
                    _slots[slot] = stored + 1;
                }

                return (int)count;
            }

            if (count < victimCount)
            {
                victimCount = count;
                victim = slot;
            }
        }

        _slots[victim] = fingerprint | 1;
        return 0;
    }
}
