using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Grains.Audit;

/// <summary>How a grain records an action it has taken, for the caller the request context names.</summary>
internal static class AuditRecording
{
    /// <summary>
    /// Appends to the audit log. The action has already happened, so a store that cannot take the entry does not
    /// undo it: the failure is logged as an error, with the entry, for the operator to reconcile.
    /// </summary>
    public static async Task RecordAuditAsync(this IServiceProvider services, string action, string? twinId, string detail)
    {
        var entry = new AuditEntry(action, TwinActor.Current, twinId, detail);
        try
        {
            await services.GetRequiredService<IAuditLog>().AppendAsync(entry);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditRecording))
                .LogError(e, "Could not append to the audit trail: {Action} by {Actor} on {Twin}: {Detail}", entry.Action, entry.Actor, entry.TwinId, entry.Detail);
        }
    }
}
