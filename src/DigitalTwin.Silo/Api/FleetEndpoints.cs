using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

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
        api.MapPost("/incidents/{incidentId}/acknowledge", async (string incidentId, string? by, IGrainFactory grains) =>
            await grains.AcknowledgeFleetIncidentAsync(incidentId, by ?? "operator") ? Results.Ok(true) : Results.NotFound());
        api.MapGet("/predictions", (int? top, IGrainFactory grains) => grains.GetFleetPredictionsAsync(top ?? 50));
        return api;
    }
}
