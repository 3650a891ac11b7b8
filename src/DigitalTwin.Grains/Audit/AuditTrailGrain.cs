using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Grains;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Audit;

/// <summary>The audit trail for Orleans clients: reads go straight to the store, so any silo can answer.</summary>
[StatelessWorker]
public sealed class AuditTrailGrain(IAuditLog log) : Grain, IAuditTrailGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query) => log.ReadAsync(query ?? new AuditQuery());

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync() => log.VerifyAsync();
}
