namespace DigitalTwin.Abstractions.Audit;

/// <summary>The outcome of walking the audit chain from its first entry.</summary>
/// <param name="Valid">True when every entry is intact and linked to the one before.</param>
/// <param name="Entries">How many stored entries were walked.</param>
/// <param name="FirstBadSequence">The sequence number of the first entry that was edited, deleted or reordered.</param>
/// <param name="Problem">What happened there: <c>edited</c>, <c>deleted</c> or <c>reordered</c>.</param>
/// <param name="Detail">The evidence, in words.</param>
/// <param name="HeadSequence">The last entry's sequence number (0 for an empty log): note it with <paramref name="HeadHash"/>
/// outside the store, because removing entries from the end leaves a shorter chain that is still valid.</param>
/// <param name="HeadHash">The last entry's hash.</param>
[GenerateSerializer, Immutable, Alias("dt.audit.AuditVerification")]
public sealed record AuditVerification(
    [property: Id(0)] bool Valid,
    [property: Id(1)] long Entries,
    [property: Id(2)] long? FirstBadSequence,
    [property: Id(3)] string? Problem,
    [property: Id(4)] string Detail,
    [property: Id(5)] long HeadSequence,
    [property: Id(6)] string HeadHash);
