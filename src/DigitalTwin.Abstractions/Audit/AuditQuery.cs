namespace DigitalTwin.Abstractions.Audit;

/// <summary>Which audit entries to list: all conditions given must hold; oldest first, at most <see cref="Limit"/>.</summary>
/// <param name="From">Appended at or after this instant.</param>
/// <param name="To">Appended before this instant.</param>
/// <param name="Actor">Only this actor's entries.</param>
/// <param name="TwinId">Only entries about this twin.</param>
/// <param name="Action">Only this action.</param>
/// <param name="Limit">At most this many (1..<see cref="MaxLimit"/>).</param>
[GenerateSerializer, Immutable, Alias("dt.audit.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] DateTimeOffset? From = null,
    [property: Id(1)] DateTimeOffset? To = null,
    [property: Id(2)] string? Actor = null,
    [property: Id(3)] string? TwinId = null,
    [property: Id(4)] string? Action = null,
    [property: Id(5)] int Limit = 1000)
{
    /// <summary>The most entries one query returns.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>Whether a record satisfies the query's conditions (not the limit).</summary>
    public bool Matches(AuditRecord record) =>
        (From is null || record.Time >= From) && (To is null || record.Time < To)
        && (Actor is null || string.Equals(record.Actor, Actor, StringComparison.Ordinal))
        && (TwinId is null || string.Equals(record.TwinId, TwinId, StringComparison.Ordinal))
        && (Action is null || string.Equals(record.Action, Action, StringComparison.Ordinal));
}
