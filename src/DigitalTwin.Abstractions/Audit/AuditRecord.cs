namespace DigitalTwin.Abstractions.Audit;

/// <summary>
/// One stored entry of the audit trail. <see cref="Hash"/> is <see cref="AuditChain.HashOf"/> over every other field,
/// including <see cref="PreviousHash"/>, the hash of the entry before it (<see cref="AuditChain.Genesis"/> for the
/// first): editing, deleting or reordering stored entries breaks the chain at that entry.
/// </summary>
/// <param name="Sequence">1, 2, 3, … with no gaps.</param>
/// <param name="Time">When it was appended (UTC, whole milliseconds, wall clock).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Action">What was done (<see cref="AuditActions"/>).</param>
/// <param name="TwinId">The twin acted on, if any.</param>
/// <param name="Detail">Arguments, outcome, reason.</param>
/// <param name="PreviousHash">The hash of the entry before (hex SHA-256).</param>
/// <param name="Hash">This entry's hash (hex SHA-256).</param>
[GenerateSerializer, Immutable, Alias("dt.audit.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? TwinId,
    [property: Id(5)] string Detail,
    [property: Id(6)] string PreviousHash,
    [property: Id(7)] string Hash);
