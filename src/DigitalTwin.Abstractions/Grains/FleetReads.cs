using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;

namespace DigitalTwin.Abstractions.Grains;

/// <summary>Reads over every live data centre: what <c>/api/alerts</c>, <c>/api/incidents</c>, <c>/api/predictions</c> and <c>dt</c> answer.</summary>
public static class FleetReads
{
    /// <summary>Every live data-centre twin.</summary>
    public static async Task<IReadOnlyList<IDataCentreGrain>> GetDataCentresAsync(this IGrainFactory grains)
    {
        var view = await grains.GetLiveTopology().GetViewAsync();
        return view.Entries.Where(e => e.Kind == TwinKind.DataCentre).Select(e => grains.GetGrain<IDataCentreGrain>(e.Id)).ToList();
    }

    /// <summary>The fleet's alerts (resolved ones only when asked), worst severity first, then oldest first.</summary>
    public static async Task<IReadOnlyList<TwinAlert>> GetFleetAlertsAsync(this IGrainFactory grains, bool includeResolved = false)
    {
        var roots = await grains.GetDataCentresAsync();
        var perRoot = await Task.WhenAll(roots.Select(dc => dc.GetAlertsAsync(includeResolved)));
        return perRoot.SelectMany(a => a).OrderByDescending(a => a.Severity).ThenBy(a => a.FirstSeen).ToList();
    }

    /// <summary>The fleet's incidents (resolved ones only when asked), worst severity first, then newest first.</summary>
    public static async Task<IReadOnlyList<Incident>> GetFleetIncidentsAsync(this IGrainFactory grains, bool includeResolved = false)
    {
        var roots = await grains.GetDataCentresAsync();
        var perRoot = await Task.WhenAll(roots.Select(dc => dc.GetIncidentsAsync(includeResolved)));
        return perRoot.SelectMany(i => i).OrderByDescending(i => i.Severity).ThenByDescending(i => i.FirstSeen).ToList();
    }

    /// <summary>
    /// Acknowledges an incident wherever it is held (an incident id is unique across data centres). False when no data
    /// centre holds it open.
    /// </summary>
    public static async Task<bool> AcknowledgeFleetIncidentAsync(this IGrainFactory grains, string incidentId, string operatorName)
    {
        var roots = await grains.GetDataCentresAsync();
        var answers = await Task.WhenAll(roots.Select(dc => dc.AcknowledgeIncidentAsync(incidentId, operatorName)));
        return answers.Any(a => a);
    }

    /// <summary>The fleet's maintenance predictions, highest failure probability first, at most <paramref name="top"/> (1-1000).</summary>
    public static async Task<IReadOnlyList<MaintenancePrediction>> GetFleetPredictionsAsync(this IGrainFactory grains, int top = 50)
    {
        var count = Math.Clamp(top, 1, 1000);
        var roots = await grains.GetDataCentresAsync();
        var perRoot = await Task.WhenAll(roots.Select(dc => dc.GetPredictionsAsync(count)));
        return perRoot.SelectMany(p => p).OrderByDescending(p => p.FailureProbability).Take(count).ToList();
    }
}
