using System.Security.Claims;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Api;

/// <summary>Fleet-wide views: every data centre's alerts, incidents and the ranked maintenance predictions.</summary>
internal static class FleetEndpoints
{
    public static RouteGroupBuilder MapFleetEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/datacentres", async (IGrainFactory grains) =>
        {
            var roots = await grains.GetDataCentresAsync();
            return await Task.WhenAll(roots.Select(dc => dc.GetRollupAsync()));
        });
        api.MapGet("/alerts", (bool? resolved, IGrainFactory grains) => grains.GetFleetAlertsAsync(resolved ?? false));
        api.MapGet("/incidents", (bool? resolved, IGrainFactory grains) => grains.GetFleetIncidentsAsync(resolved ?? false));
        // Under the signed-in name; ?by= only names the operator on an open silo.
        api.MapPost("/incidents/{incidentId}/acknowledge", async (string incidentId, string? by, ClaimsPrincipal user, IGrainFactory grains) =>
            await grains.AcknowledgeFleetIncidentAsync(incidentId, user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : by ?? "operator")
                ? Results.Ok(true) : Results.NotFound()).RequireAuthorization(TwinRoles.Operator);
        api.MapGet("/predictions", (int? top, IGrainFactory grains) => grains.GetFleetPredictionsAsync(top ?? 50));
        return api;
    }
}
