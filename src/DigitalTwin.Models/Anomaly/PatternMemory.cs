namespace DigitalTwin.Models.Anomaly;

/// <summary>
/// A fixed-capacity count table keyed by 64-bit pattern hashes: how often a pattern has been seen. Slots are grouped
/// in buckets of eight (one cache line); when a bucket is full its least-seen entry is replaced, so memory never
/// grows and rare old patterns are the ones forgotten. Each slot packs a 48-bit fingerprint and a 16-bit count.
/// Buckets are allocated when first written: a steady metric sees a few dozen patterns, and a twin with sixteen
/// detectors would otherwise hold 512 KB of empty tables (the flat table is 32 KB per detector by default). Once a
/// quarter of the buckets are in use the table turns flat, slot for slot, so what it counts and forgets is the same
/// either way.
/// </summary>
internal sealed class PatternMemory
{
    private const int BucketSize = 8;
    private const ulong CountMask = 0xFFFF;
    private readonly int _bucketMask;
    private readonly int _capacity;
    private ulong[]?[]? _sparse;
    private ulong[]? _slots;
    private int _allocatedBuckets;

    /// <param name="capacityPower">log2 of the number of slots.</param>
    public PatternMemory(int capacityPower)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPower, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityPower, 24);
        _capacity = 1 << capacityPower;
        _bucketMask = _capacity / BucketSize - 1;
    }

    /// <summary>Number of slots: the most patterns the table can hold.</summary>
    public int Capacity => _capacity;

    /// <summary>Bytes the table holds now (slots and bucket references), for sizing checks.</summary>
    public long AllocatedBytes => _slots is not null
        ? (long)_slots.Length * sizeof(ulong)
        : _sparse is null ? 0 : (long)_sparse.Length * IntPtr.Size + (long)_allocatedBuckets * BucketSize * sizeof(ulong);

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
    public ulong Touch(ulong key)
    {
        var bucket = BucketOf(key);
        if (_slots is { } slots) return slots[bucket * BucketSize];
        return _sparse?[bucket] is { } sparse ? sparse[0] : 0;
    }

    private int BucketOf(ulong key) => (int)(key >> 7) & _bucketMask;

    /// <summary>Returns how often <paramref name="key"/> was seen before (saturating at 65,534), then counts this sighting.</summary>
    public int CountAndAdd(ulong key)
    {
        var fingerprint = key & ~CountMask;
        if (fingerprint == 0)
        {
            fingerprint = 1UL << 16; // an all-zero slot means empty
        }

        var (slots, start) = Bucket(BucketOf(key));
        var victim = start;
        var victimCount = ulong.MaxValue;
        for (var slot = start; slot < start + BucketSize; slot++)
        {
            var stored = slots[slot];
            if (stored == 0)
            {
                slots[slot] = fingerprint | 1;
                return 0;
            }

            var count = stored & CountMask;
            if ((stored & ~CountMask) == fingerprint)
            {
                if (count < CountMask)
                {
                    slots[slot] = stored + 1;
                }

                return (int)count;
            }

            if (count < victimCount)
            {
                victimCount = count;
                victim = slot;
            }
        }

        slots[victim] = fingerprint | 1;
        return 0;
    }

    /// <summary>The array holding <paramref name="bucket"/> and where the bucket starts in it, allocating it when new.</summary>
    private (ulong[] Slots, int Start) Bucket(int bucket)
    {
        if (_slots is { } flat) return (flat, bucket * BucketSize);
        _sparse ??= new ulong[]?[_bucketMask + 1];
        if (_sparse[bucket] is { } held) return (held, 0);
        if (++_allocatedBuckets * 4 <= _sparse.Length) return (_sparse[bucket] = new ulong[BucketSize], 0);
        // A quarter of the buckets in use: the flat table is now the smaller one.
        flat = new ulong[_capacity];
        for (var b = 0; b < _sparse.Length; b++)
        {
            if (_sparse[b] is { } used) used.CopyTo(flat, b * BucketSize);
        }
        _slots = flat;
        _sparse = null;
        return (flat, bucket * BucketSize);
    }
}
