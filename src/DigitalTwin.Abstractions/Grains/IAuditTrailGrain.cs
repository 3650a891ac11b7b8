using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>Reads and verifies the audit trail from an Orleans client (<c>dt audit</c>); any key (use 0). Admins only.</summary>
[RequiresRole(TwinRole.Admin)]
public interface IAuditTrailGrain : IGrainWithIntegerKey
{
    /// <summary>The entries matching the query, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query);

    /// <summary>Walks the stored chain and reports the first edited, deleted or reordered entry.</summary>
    Task<AuditVerification> VerifyAsync();
}
