using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Alerts;
using DigitalTwin.Grains.Predictions;
using DigitalTwin.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Grains.Twins;

/// <summary>
/// A twin that takes readings (asset or component). Ingestion only touches memory: no storage write and no call to
/// the parent per reading; the checkpoint and rollup timers carry the effects on. Each reading in time order also
/// feeds the metric's anomaly detector and degradation trend; only a newly raised alert consults the parent, once,
/// to say whether the neighbours deviate too.
/// </summary>
public abstract class TelemetryTwinGrain : TwinGrain, ITelemetryTarget
{
    private static readonly TimeSpan NeighbourTimeout = TimeSpan.FromSeconds(2);
    private readonly AlertBook _alerts;
    private readonly AnomalyWatch _anomalies;
    private readonly LimitWatch _limits;
    private readonly RoleWatch _roles;
    private readonly SensorWatch _sensors;
    private readonly LoadWatch _load;
    private readonly DegradationWatch _degradation;

    /// <summary>Creates the twin over its persisted state.</summary>
    protected TelemetryTwinGrain(IPersistentState<TwinState> state, IOptions<TwinOptions> options) : base(state, options)
    {
        _alerts = new AlertBook(Options);
        _anomalies = new AnomalyWatch(Options, _alerts);
        _limits = new LimitWatch(Options, _alerts);
        _roles = new RoleWatch(Options, _alerts);
        _sensors = new SensorWatch(Options, _alerts);
        _load = new LoadWatch(_alerts);
        _degradation = new DegradationWatch(Options);
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _degradation.Restore(State);
        return base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IngestResult> IngestAsync(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var spec = Spec;
        var readings = batch.Readings ?? [];
        if (batch.TwinId != Key.TwinId)
        {
            var detail = $"Batch for '{batch.TwinId}' delivered to twin '{Key.TwinId}'.";
            return new IngestResult(0,
                readings.Select(r => new ReadingRejection(r?.Metric ?? "", RejectionReasons.UnknownTwin, detail)).ToArray());
        }
        var alertsChanged = false;
        DateTimeOffset? newest = null;
        var result = Ledger.Apply(State, readings, Clock.GetUtcNow(), (reading, isLatest) =>
        {
            // Detectors, limits and trends read a series in time order; a late reading belongs to history only.
            if (!isLatest) return;
            // An undeclared name on probation gets no detector yet (limits and wear signals are declared names).
            if (!Ledger.OnProbation(reading.Metric))
            {
                alertsChanged |= _anomalies.Observe(State, Key.TwinId, spec.Kind, reading);
                alertsChanged |= _sensors.Observe(State, Key.TwinId, spec.Kind, reading);
            }
            alertsChanged |= _limits.Observe(State, spec, reading);
            _degradation.Observe(spec, reading);
            if (newest is not { } n || reading.Timestamp > n) newest = reading.Timestamp;
        }, metric => MetricDeclarations.IsDeclared(spec, metric));
        // A role reads several metrics together, so it is judged once per batch, on the latest values.
        if (newest is { } at) alertsChanged |= _roles.Judge(State, spec, at);
        if (newest is not null) alertsChanged |= _load.Judge(State, spec);
        if (newest is { } sampled && _sensors.PeerSampleDue(spec, State, sampled) && ParentRef is { Kind: TwinKind.Rack } rack)
        {
            alertsChanged |= await ComparePeersAsync(spec, rack, sampled);
        }
        if (result.Applied > 0 || alertsChanged) MarkOwnChanged();
        if (_alerts.Raised.Count > 0) await StoreRaisedAlertsAsync();
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IngestResult>> IngestDurablyAsync(IReadOnlyList<TelemetryBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var results = new IngestResult[batches.Count];
        for (var i = 0; i < batches.Count; i++) results[i] = await IngestAsync(batches[i]);
        // Nothing applied, nothing to make durable: a wholly refused batch costs no write.
        if (results.Any(r => r.Applied > 0)) await PersistAsync();
        return results;
    }

    /// <inheritdoc />
    protected override MaintenancePrediction? OwnPrediction() =>
        _degradation.Predict(Spec, State.Alerts.Count(a => a.State != AlertState.Resolved), Clock.GetUtcNow());

    /// <inheritdoc />
    /// <remarks>
    /// A part whose level trend puts a failure in sight asks its asset for its siblings' trends of the same signal:
    /// a fall they share is the asset's load or air, not this part wearing. Only then, so a prediction query over a
    /// data centre costs no extra calls for the parts with nothing in sight.
    /// </remarks>
    protected override async Task<MaintenancePrediction?> OwnPredictionAsync()
    {
        var spec = Spec;
        var openAlerts = State.Alerts.Count(a => a.State != AlertState.Resolved);
        var now = Clock.GetUtcNow();
        var prediction = _degradation.Predict(spec, openAlerts, now);
        if (Level != TwinLevel.Component || ParentRef is not { } parent || prediction is not { TimeToFailure: not null, Basis: "trend" }) return prediction;
        var siblings = new Dictionary<string, IReadOnlyList<Models.RemainingLife.WearTrend>>(StringComparer.Ordinal);
        foreach (var metric in _degradation.TrendMetrics(spec))
        {
            try
            {
                var trends = await Child(parent).DescribeSiblingWearAsync(Key.TwinId, metric).WaitAsync(Options.QueryTimeout);
                siblings[metric] = trends.Select(t => t.Trend).ToArray();
            }
            catch (Exception)
            {
                // Without the siblings' view the part's own trend stands.
            }
        }
        return siblings.Count == 0 ? prediction : _degradation.Predict(spec, openAlerts, now, siblings);
    }

    /// <inheritdoc />
    public override Task<WearTrendReport?> DescribeWearTrendAsync(string metric) =>
        Task.FromResult(_degradation.TrendOf(metric) is { } trend ? new WearTrendReport(Key.TwinId, trend.Level, trend.SlopePerHour) : null);

    /// <inheritdoc />
    protected override void BeforeCheckpoint() => _degradation.Save(State);

    private static readonly string[] PeerMetrics = [MetricNames.InletTemperature, MetricNames.OutletTemperature];

    /// <summary>A server's inlet and outlet against its rack's other servers, every few minutes: a drifting sensor shows there.</summary>
    private async Task<bool> ComparePeersAsync(TwinSpec spec, TwinRef rack, DateTimeOffset at)
    {
        try
        {
            var peers = await Child(rack).DescribePeerMediansAsync(Key.TwinId, PeerMetrics).WaitAsync(NeighbourTimeout);
            return _sensors.ObservePeers(State, spec, rack.Id, peers, at);
        }
        catch (Exception)
        {
            // No comparison this time; the next sample, a few minutes on, will try again.
            return _sensors.ObservePeers(State, spec, rack.Id, new Dictionary<string, double>(), at);
        }
    }

    private async Task StoreRaisedAlertsAsync()
    {
        foreach (var alert in _alerts.TakeRaised())
        {
            Neighbourhood? neighbours = null;
            if (ParentRef is { } parent)
            {
                try
                {
                    neighbours = await Child(parent).DescribeNeighboursAsync(Key.TwinId, alert.Metric).WaitAsync(NeighbourTimeout);
                }
                catch (Exception)
                {
                    // The alert matters more than its context: it is stored with "neighbours could not be consulted".
                }
            }
            _alerts.Store(State, alert with { Explanation = AlertExplanation.For(alert, neighbours) });
        }
        MarkOwnChanged();
    }
}
