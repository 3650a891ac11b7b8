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
            var roots = await DataCentresAsync(grains);
            return await Task.WhenAll(roots.Select(dc => dc.GetRollupAsync()));
        });
        api.MapGet("/alerts", async (bool? resolved, IGrainFactory grains) =>
        {
            var roots = await DataCentresAsync(grains);
            var perRoot = await Task.WhenAll(roots.Select(dc => dc.GetAlertsAsync(resolved ?? false)));
            return perRoot.SelectMany(a => a).OrderByDescending(a => a.Severity).ThenBy(a => a.FirstSeen).ToList();
        });
        api.MapGet("/incidents", async (bool? resolved, IGrainFactory grains) =>
        {
            var roots = await DataCentresAsync(grains);
            var perRoot = await Task.WhenAll(roots.Select(dc => ((IDataCentreGrain)dc).GetIncidentsAsync(resolved ?? false)));
            return perRoot.SelectMany(i => i).OrderByDescending(i => i.Severity).ThenByDescending(i => i.FirstSeen).ToList();
        });
        api.MapPost("/incidents/{incidentId}/acknowledge", async (string incidentId, string? by, IGrainFactory grains) =>
        {
            // An incident id is unique across data centres; the one that holds it answers true.
            var roots = await DataCentresAsync(grains);
            var answers = await Task.WhenAll(roots.Select(dc => ((IDataCentreGrain)dc).AcknowledgeIncidentAsync(incidentId, by ?? "operator")));
            return answers.Any(a => a) ? Results.Ok(true) : Results.NotFound();
        });
        api.MapGet("/predictions", async (int? top, IGrainFactory grains) =>
        {
            var count = Math.Clamp(top ?? 50, 1, 1000);
            var roots = await DataCentresAsync(grains);
            var perRoot = await Task.WhenAll(roots.Select(dc => ((IDataCentreGrain)dc).GetPredictionsAsync(count)));
            return perRoot.SelectMany(p => p).OrderByDescending(p => p.FailureProbability).Take(count).ToList();
        });
        return api;
    }

    private static async Task<IReadOnlyList<ITwinGrain>> DataCentresAsync(IGrainFactory grains)
    {
        var view = await grains.GetLiveTopology().GetViewAsync();
        return view.Entries.Where(e => e.Kind == TwinKind.DataCentre).Select(e => grains.GetTwin(e.Id, e.Kind)).ToList();
    }
}
