using DigitalTwin.Abstractions.Audit;

namespace DigitalTwin.Grains.Audit;

/// <summary>
/// The audit chain kept in memory: for in-process test clusters and the <c>Memory</c> storage provider, which keep
/// nothing across a restart anyway. The host's store (SQLite, PostgreSQL) replaces it.
/// </summary>
public sealed class MemoryAuditLog(TimeProvider? clock = null) : IAuditLog
{
    private readonly List<AuditRecord> _records = [];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_records)
        {
            var record = AuditChain.Next(_records.Count == 0 ? null : _records[^1], _clock.GetUtcNow(), entry);
            _records.Add(record);
            return Task.FromResult(record);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_records)
        {
            IReadOnlyList<AuditRecord> found = _records.Where(query.Matches).Take(Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit)).ToList();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        lock (_records) return Task.FromResult(AuditChain.Verify(_records.ToList()));
    }
}
