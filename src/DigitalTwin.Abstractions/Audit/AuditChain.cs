using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Abstractions.Audit;

/// <summary>
/// The audit chain's arithmetic, so anyone holding an export can check it: an entry's hash is the lowercase hex
/// SHA-256 of its fields in the order sequence, time, actor, action, twin, detail, previous hash, each written as an
/// 8-byte little-endian length (−1 for a missing twin) followed by its UTF-8 bytes, with sequence and time (Unix
/// milliseconds) written as their decimal text.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of an entry with these fields.</summary>
    public static string HashOf(long sequence, DateTimeOffset time, string actor, string action, string? twinId, string detail, string previousHash)
    {
        using var buffer = new MemoryStream();
        Write(buffer, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Write(buffer, time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Write(buffer, actor);
        Write(buffer, action);
        Write(buffer, twinId);
        Write(buffer, detail);
        Write(buffer, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The record that follows <paramref name="previous"/> (null for the first) with these contents.</summary>
    public static AuditRecord Next(AuditRecord? previous, DateTimeOffset time, AuditEntry entry)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
        var previousHash = previous?.Hash ?? Genesis;
        return new AuditRecord(sequence, at, entry.Actor, entry.Action, entry.TwinId, entry.Detail, previousHash,
            HashOf(sequence, at, entry.Actor, entry.Action, entry.TwinId, entry.Detail, previousHash));
    }

    /// <summary>The hash an entry should have, from its stored fields.</summary>
    public static string Recompute(AuditRecord r) => HashOf(r.Sequence, r.Time, r.Actor, r.Action, r.TwinId, r.Detail, r.PreviousHash);

    /// <summary>
    /// Walks the entries in stored sequence order and names the first one that was tampered with: a missing sequence
    /// number is a <c>deleted</c> entry; an entry that links to another stored entry than the one before it was
    /// <c>reordered</c>; an entry whose fields no longer give its hash was <c>edited</c> (and an entry that links to
    /// no stored entry at all means the one before it was edited and re-hashed).
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> stored)
    {
        var byHash = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
        foreach (var r in stored) byHash.TryAdd(r.Hash, r);
        var previousHash = Genesis;
        long expected = 1;
        foreach (var r in stored)
        {
            if (r.Sequence != expected)
            {
                return r.Sequence > expected
                    ? Bad(stored, expected, "deleted", r.Sequence == expected + 1
                        ? $"entry {expected} is missing: entry {expected - 1} is followed by entry {r.Sequence}"
                        : $"entries {expected} to {r.Sequence - 1} are missing: entry {expected - 1} is followed by entry {r.Sequence}")
                    : Bad(stored, r.Sequence, "reordered", $"entry {r.Sequence} stands after entry {expected - 1}");
            }
            if (!string.Equals(r.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                if (byHash.TryGetValue(r.PreviousHash, out var linked))
                {
                    return Bad(stored, expected, "reordered",
                        $"entry {expected} holds the entry that followed the one stored as {linked.Sequence} (its previous hash is that entry's hash)");
                }
                return string.Equals(Recompute(r), r.Hash, StringComparison.Ordinal) && expected > 1
                    ? Bad(stored, expected - 1, "edited", $"entry {expected - 1} was changed and its hash recomputed: entry {expected} no longer links to it")
                    : Bad(stored, expected, "edited", $"entry {expected}'s previous hash matches no stored entry");
            }
            if (!string.Equals(Recompute(r), r.Hash, StringComparison.Ordinal))
            {
                return Bad(stored, expected, "edited", $"entry {expected}'s fields no longer give its stored hash {Short(r.Hash)}");
            }
            previousHash = r.Hash;
            expected++;
        }
        var head = stored.Count == 0 ? null : stored[^1];
        return new AuditVerification(true, stored.Count, null, null,
            $"{stored.Count} entries, chain intact", head?.Sequence ?? 0, head?.Hash ?? Genesis);
    }

    private static AuditVerification Bad(IReadOnlyList<AuditRecord> stored, long sequence, string problem, string detail)
    {
        var head = stored.Count == 0 ? null : stored[^1];
        return new AuditVerification(false, stored.Count, sequence, problem, detail, head?.Sequence ?? 0, head?.Hash ?? Genesis);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static void Write(Stream buffer, string? text)
    {
        Span<byte> length = stackalloc byte[8];
        if (text is null)
        {
            BinaryPrimitives.WriteInt64LittleEndian(length, -1);
            buffer.Write(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
