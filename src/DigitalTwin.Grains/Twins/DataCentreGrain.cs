using System.Diagnostics;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Changes;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Grains.Audit;
using DigitalTwin.Grains.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Invocation;
using Orleans.Concurrency;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// A data-centre twin: the root of a graph. On its incident cadence, while its subtree has open alerts (or it has
/// open incidents), it fetches them (only subtrees with open alerts are asked) and groups them into incidents. Every incident that
/// opens, changes, is acknowledged or resolves is published on the change feeds on the next tick. A cooling incident
/// whose CRAC reports it stopped gets a forecast (see DataCentreGrain.Forecasts.cs).
/// </summary>
[MayInterleave(nameof(MayInterleave))]
public sealed partial class DataCentreGrain(
    [PersistentState(TwinStorage.States.DataCentre, TwinStorage.Name)] IPersistentState<TwinState> state,
    IOptions<TwinOptions> options)
    : TwinGrain(state, options), IDataCentreGrain
{
    private TwinPlaces? _places;
    private long _lastCorrelated;
    private int _lastOpen;

    /// <summary>Reads interleave with other requests.</summary>
    public static bool MayInterleave(IInvokable request) => IsInterleavingRead(request);

    /// <inheritdoc />
    protected override TwinLevel Level => TwinLevel.DataCentre;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // What-if copies have no incidents: their alerts are not an operator's business.
        if (Key.IsShadow) return;
        // The timer looks every rollup tick, but alerts are grouped only when the count of open alerts changed (a new
        // alert should become an incident in seconds, not at the next ten-second mark) or the incident interval passed.
        var look = Options.RollupInterval < Options.IncidentInterval ? Options.RollupInterval : Options.IncidentInterval;
        this.RegisterGrainTimer(CorrelateTickAsync, new GrainTimerCreationOptions(look, look) { KeepAlive = false });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenancePrediction>> GetPredictionsAsync(int top = 50) =>
        await CollectPredictionsAsync(Math.Clamp(top, 1, 1000), Options.QueryTimeout);

    /// <inheritdoc />
    public Task<IReadOnlyList<Incident>> GetIncidentsAsync(bool includeResolved = false)
    {
        _ = Spec;
        return Task.FromResult<IReadOnlyList<Incident>>(State.Incidents
            .Where(i => includeResolved || i.State != AlertState.Resolved)
            .OrderByDescending(i => i.FirstSeen).ThenBy(i => i.IncidentId, StringComparer.Ordinal)
            .ToArray());
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeIncidentAsync(string incidentId, string operatorName)
    {
        _ = Spec;
        var at = State.Incidents.FindIndex(i => i.IncidentId == incidentId);
        if (at < 0 || State.Incidents[at].State == AlertState.Resolved) return false;
        State.Incidents[at] = State.Incidents[at] with
        {
            State = AlertState.Acknowledged,
            AcknowledgedAt = Clock.GetUtcNow(),
            AcknowledgedBy = operatorName,
        };
        StateChanged = true;
        QueueIncidentChange(State.Incidents[at]);
        await ServiceProvider.RecordAuditAsync(AuditActions.IncidentAcknowledge, Key.TwinId, $"incident {incidentId} acknowledged by {operatorName}");
        return true;
    }

    private void QueueIncidentChange(Incident incident) =>
        QueueChange(TwinChangeKind.Incident, detail: $"{incident.State}: {incident.Summary}", incident: incident);

    private async Task CorrelateTickAsync(CancellationToken cancellationToken)
    {
        // While the silo stops, the twins this pass would ask are being deactivated: every call would fail to place.
        if (State.Spec is null || ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true) return;
        var open = Refresh().Rollup.OpenAlerts;
        if (open == 0 && !State.Incidents.Exists(i => i.State != AlertState.Resolved)) return;
        // Wall time, like the timer: on an accelerated clock the twins' time would make every tick due.
        var since = Stopwatch.GetElapsedTime(_lastCorrelated);
        var due = _lastCorrelated == 0 || since >= Options.IncidentInterval
            // A change is grouped at once, but at most once every fifth of the interval (2 s by default): an alert storm
            // raises a new alert every second, and each pass reads every alerting subtree.
            || open != _lastOpen && since >= Options.IncidentInterval / 5;
        if (!due) return;
        _lastCorrelated = Stopwatch.GetTimestamp();
        _lastOpen = open;
        try
        {
            var alerts = await GetAlertsAsync();
            var places = await (_places ??= new TwinPlaces(GrainFactory)).ResolveAsync(alerts);
            var findings = IncidentCorrelator.Group(alerts, places);
            var before = State.Incidents.ToDictionary(i => i.IncidentId, StringComparer.Ordinal);
            if (IncidentBook.Merge(State.Incidents, findings, Clock.GetUtcNow(), Options.MaxIncidents))
            {
                StateChanged = true;
                // The book replaces an incident's record whenever it changes, so a new reference is a change to announce.
                foreach (var incident in State.Incidents)
                {
                    if (!before.TryGetValue(incident.IncidentId, out var held) || !ReferenceEquals(held, incident)) QueueIncidentChange(incident);
                }
            }
            await ForecastCoolingIncidentsAsync();
        }
        catch (Exception error)
        {
            // The next tick tries again; incidents are a view over alerts, which are safe in their twins.
            Logger.LogWarning(error, "Data centre {Twin} could not group its alerts into incidents", Key);
        }
    }
}
