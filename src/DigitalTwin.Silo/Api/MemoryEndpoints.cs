using DigitalTwin.Abstractions.Security;
using DigitalTwin.Ingestion.Diagnostics;

namespace DigitalTwin.Silo.Api;

/// <summary>
/// <c>POST /api/memory/compact</c> (admin): one full compacting garbage collection in this silo, answered with the
/// managed heap before and after. Benchmarks call it before each resident-memory reading so that two readings compare
/// live state, not the collector's timing.
/// </summary>
internal static class MemoryEndpoints
{
    public static RouteGroupBuilder MapMemoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/memory/compact", () => Results.Ok(MemoryCompaction.Compact())).RequireAuthorization(TwinRoles.Admin);
        return api;
    }
}
