using System.Diagnostics;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Cooling;
using DigitalTwin.Grains.Incidents;
using DigitalTwin.Grains.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// Forecasts of cooling incidents. An operator facing a stopped CRAC asks first "how long have I got, and where?": when
/// a cooling incident names a CRAC that reports it stopped, the data centre runs the what-if of its room with every
/// stopped unit kept stopped on the live state forked now, and attaches the answer to the incident. It runs again when
/// another unit of the room stops or restarts, since the old answer no longer describes the room. The what-if runs
/// beside the incident cadence, never holding up the grouping of alerts.
/// </summary>
public sealed partial class DataCentreGrain
{
    private readonly HashSet<string> _forecasting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _forecastFailedAt = new(StringComparer.Ordinal);
    private int _forecasts;

    private async Task ForecastCoolingIncidentsAsync()
    {
        if (Options.IncidentForecastHorizon <= TimeSpan.Zero || _places is null) return;
        var now = Clock.GetUtcNow();
        var cooling = State.Incidents.Where(i => i.State != AlertState.Resolved && i.Cause == IncidentCause.Cooling && i.CauseKind == TwinKind.Crac).ToList();
        foreach (var gone in _forecastFailedAt.Keys.Where(id => !cooling.Exists(i => i.IncidentId == id)).ToList()) _forecastFailedAt.Remove(gone);
        foreach (var incident in cooling)
        {
            if (_forecasting.Contains(incident.IncidentId)) continue;
            // Wall time: a refused or failed what-if is tried again a minute later, whatever the twins' clock does.
            if (_forecastFailedAt.TryGetValue(incident.IncidentId, out var failed) && Stopwatch.GetElapsedTime(failed) < TimeSpan.FromMinutes(1)) continue;
            if (await _places.RoomCoolingAsync(incident.CauseTwinId) is not { } room) continue;
            var stopped = await StoppedAsync(room.Cracs);
            // Only a unit that says it stopped is forecast as stopped: a struggling one may still be cooling.
            if (!stopped.Contains(incident.CauseTwinId, StringComparer.Ordinal)) continue;
            if (incident.Forecast is { } held && held.Failed.SequenceEqual(stopped, StringComparer.Ordinal)) continue;
            _forecasting.Add(incident.IncidentId);
            // Not awaited: the what-if takes seconds; its answer is attached on this activation when it comes.
            _ = ForecastAsync(incident.IncidentId, room.RoomId, stopped, now);
        }
    }

    private async Task<List<string>> StoppedAsync(IReadOnlyList<string> cracs)
    {
        var snapshots = await Task.WhenAll(cracs.Select(async id =>
        {
            try
            {
                return await GrainFactory.GetGrain<IAssetGrain>(id).GetSnapshotAsync();
            }
            catch (TwinNotFoundException)
            {
                return null;
            }
        }));
        return snapshots.Where(s => s is not null && CoolingSurvey.ReportsStopped(s)).Select(s => s!.Spec.Id).Order(StringComparer.Ordinal).ToList();
    }

    private async Task ForecastAsync(string incidentId, string roomId, IReadOnlyList<string> stopped, DateTimeOffset asOf)
    {
        try
        {
            var scenarioId = $"forecast-{Key.TwinId}-{incidentId[..Math.Min(12, incidentId.Length)]}-{++_forecasts}";
            var (forecast, refused) = await CoolingLossForecast.RunAsync(GrainFactory, scenarioId, roomId, stopped, asOf, Options.IncidentForecastHorizon,
                ServiceProvider.GetService<IOptions<ScenarioOptions>>()?.Value.RunTimeout ?? TimeSpan.FromMinutes(1));
            if (forecast is null)
            {
                Logger.LogInformation("Incident {Incident}: no forecast yet ({Reason}); trying again in a minute", incidentId, refused);
                _forecastFailedAt[incidentId] = Stopwatch.GetTimestamp();
                return;
            }
            _forecastFailedAt.Remove(incidentId);
            var at = State.Incidents.FindIndex(i => i.IncidentId == incidentId);
            if (at < 0 || State.Incidents[at].State == AlertState.Resolved) return;
            State.Incidents[at] = State.Incidents[at] with { Forecast = forecast };
            StateChanged = true;
            QueueIncidentChange(State.Incidents[at]);
            Logger.LogInformation("Incident {Incident}: {Forecast}", incidentId, forecast.Summary);
        }
        catch (Exception error)
        {
            Logger.LogWarning(error, "Incident {Incident}: the forecast of {Room} with {Stopped} stopped failed", incidentId, roomId, string.Join(", ", stopped));
            _forecastFailedAt[incidentId] = Stopwatch.GetTimestamp();
        }
        finally
        {
            _forecasting.Remove(incidentId);
        }
    }
}
