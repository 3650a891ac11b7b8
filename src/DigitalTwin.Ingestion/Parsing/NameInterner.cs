using System.Collections.Concurrent;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Turns names read from payloads (metrics, twin ids) into shared strings without allocating for names already
/// seen: a fleet sends the same few thousand names millions of times. Only names that passed validation are kept,
/// and the table stops growing at <see cref="Capacity"/> so hostile input cannot fill memory.
/// </summary>
public sealed class NameInterner(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The most names kept.</summary>
    public int Capacity { get; } = capacity;

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
        value = _names.Count < Capacity ? _names.GetOrAdd(candidate, candidate) : candidate;
        return true;
    }
}
