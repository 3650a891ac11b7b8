namespace DigitalTwin.Abstractions.Audit;

/// <summary>What happened, as a caller hands it to <see cref="IAuditLog.AppendAsync"/>; the log adds sequence, time and hashes.</summary>
/// <param name="Action">What was done: one of <see cref="AuditActions"/> (or a new dotted name of the same kind).</param>
/// <param name="Actor">Who did it: a user name, a token subject, <c>system</c>; usually <see cref="Security.TwinActor.Current"/>.</param>
/// <param name="TwinId">The twin acted on, if any.</param>
/// <param name="Detail">The rest, in words: arguments, outcome, reason.</param>
[GenerateSerializer, Immutable, Alias("dt.audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? TwinId,
    [property: Id(3)] string Detail);
