using System.Collections.Concurrent;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Turns names read from payloads (metrics, twin ids) into shared strings without allocating for names already
/// seen: a fleet sends the same few thousand names millions of times. Only names that passed validation are kept,
/// only from their second sighting, and the table stops growing at <see cref="Capacity"/>: hostile input naming a new
/// twin or metric in every message (a million fuzz cases held 50,000 junk ids, 5 MB, when every valid name was kept)
/// leaves the table as it was. First sightings are remembered in two generations of a Bloom filter (128 KB in all):
/// a name seen again before about 8,000 other new names have passed is kept; a false positive keeps a junk name
/// now and then (about one in 70,000).
/// </summary>
public sealed class NameInterner(int capacity = 100_000)
{
    private const int Bits = 1 << 19;
    private const int GenerationSize = 8_192;
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Lock _swap = new();
    private long[] _current = new long[Bits / 64];
    private long[] _previous = new long[Bits / 64];
    private int _inserted;

    /// <summary>The most names kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How many names are kept now.</summary>
    public int Count => _names.Count;

    /// <summary>
    /// The shared string for <paramref name="name"/> when it is valid by <paramref name="isValid"/>; false when it is not.
    /// </summary>
    public bool TryIntern(ReadOnlySpan<char> name, Func<string, bool> isValid, out string value)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var known))
        {
            value = known;
            return true;
        }
        var candidate = name.ToString();
        if (!isValid(candidate))
        {
            value = candidate;
            return false;
        }
        value = _names.Count < Capacity && SeenBefore(name) ? _names.GetOrAdd(candidate, candidate) : candidate;
        return true;
    }

    // True when the name was seen before (in this generation or the last); otherwise remembers it. Races between
    // threads lose a sighting at worst: the name is kept on a later one.
    private bool SeenBefore(ReadOnlySpan<char> name)
    {
        var h1 = (uint)string.GetHashCode(name, StringComparison.Ordinal);
        var h2 = (uint)(((ulong)h1 * 0x9E3779B97F4A7C15UL) >> 32) | 1u;
        var current = _current;
        if (Contains(current, h1, h2) || Contains(_previous, h1, h2)) return true;
        for (var i = 0u; i < 4; i++)
        {
            var bit = (int)((h1 + i * h2) & (Bits - 1));
            Interlocked.Or(ref current[bit >> 6], 1L << (bit & 63));
        }
        if (Interlocked.Increment(ref _inserted) >= GenerationSize)
        {
            lock (_swap)
            {
                if (_inserted >= GenerationSize)
                {
                    var oldest = _previous;
                    Array.Clear(oldest);
                    _previous = _current;
                    _current = oldest;
                    _inserted = 0;
                }
            }
        }
        return false;
    }

    private static bool Contains(long[] filter, uint h1, uint h2)
    {
        for (var i = 0u; i < 4; i++)
        {
            var bit = (int)((h1 + i * h2) & (Bits - 1));
            if ((Volatile.Read(ref filter[bit >> 6]) & (1L << (bit & 63))) == 0) return false;
        }
        return true;
    }
}
