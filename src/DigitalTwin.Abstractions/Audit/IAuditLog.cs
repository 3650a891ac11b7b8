namespace DigitalTwin.Abstractions.Audit;

/// <summary>
/// The append-only, hash-chained audit trail in the silo's store (the embedded SQLite file, or PostgreSQL table
/// <c>dt_audit</c>). The one entry point for recording who did what: grains take it from DI
/// (<c>ServiceProvider.GetRequiredService&lt;IAuditLog&gt;()</c>) and the host injects it. Appends from any number of
/// callers, and of silos sharing PostgreSQL, form one chain. Integrators read it through <c>IAuditTrailGrain</c>.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry after the current last one and returns it as stored.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The stored entries matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Walks the whole chain as stored and reports the first entry that was edited, deleted or reordered.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
