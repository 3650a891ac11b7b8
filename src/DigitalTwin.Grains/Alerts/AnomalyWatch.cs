using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Runs a streaming anomaly detector per metric (bounded in number, kept in memory) and keeps the alert lifecycle
/// in the twin's state: an anomaly raises an alert, further anomalies on the metric update it, and a run of normal
/// readings resolves it. New alerts wait in <see cref="Raised"/> for their explanation before they are stored.
/// </summary>
public sealed class AnomalyWatch(TwinOptions options)
{
    private readonly Dictionary<string, IStreamingAnomalyDetector> _detectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calm = new(StringComparer.Ordinal);

    /// <summary>Anomalies seen on metrics without an open alert, waiting to be explained and stored.</summary>
    public List<TwinAlert> Raised { get; } = [];

    /// <summary>Scores a reading (in time order) and advances the alerts of its metric; returns whether open alerts changed.</summary>
    public bool Observe(TwinState state, string twinId, TwinKind kind, Reading reading)
    {
        if (!_detectors.TryGetValue(reading.Metric, out var detector))
        {
            if (_detectors.Count >= options.MaxDetectorsPerTwin) return false;
            _detectors[reading.Metric] = detector = AnomalyDetectors.Create(new SequenceNoveltyOptions { AlarmThreshold = options.AlertThreshold });
        }
        var verdict = detector.Observe(reading.Timestamp, reading.Value);
        var open = state.Alerts.FindIndex(a => a.Metric == reading.Metric && a.State != AlertState.Resolved);
        if (verdict.IsAnomaly)
        {
            _calm[reading.Metric] = 0;
            if (open >= 0)
            {
                var held = state.Alerts[open];
                state.Alerts[open] = held with
                {
                    Value = reading.Value,
                    LastSeen = reading.Timestamp,
                    Score = Math.Max(held.Score, verdict.Score),
                };
                return false;
            }
            var pending = Raised.FindIndex(a => a.Metric == reading.Metric);
            if (pending >= 0)
            {
                Raised[pending] = Raised[pending] with { Value = reading.Value, LastSeen = reading.Timestamp };
                return false;
            }
            Raised.Add(new TwinAlert(Guid.NewGuid().ToString("N"), twinId, kind, reading.Metric, reading.Value,
                verdict.Baseline, verdict.Score, reading.Timestamp, reading.Timestamp, AlertState.Raised,
                HealthStatus.Warning, ""));
            return true;
        }
        if (open < 0) return false;
        var calm = _calm[reading.Metric] = _calm.GetValueOrDefault(reading.Metric) + 1;
        if (calm < options.AlertClearReadings) return false;
        state.Alerts[open] = state.Alerts[open] with { State = AlertState.Resolved, ResolvedAt = reading.Timestamp };
        return true;
    }

    /// <summary>Stores an explained alert, dropping the oldest resolved ones (then the oldest of all) beyond the bound.</summary>
    public void Store(TwinState state, TwinAlert alert)
    {
        state.Alerts.Add(alert);
        while (state.Alerts.Count > Math.Max(1, options.MaxAlerts))
        {
            var resolved = state.Alerts.FindIndex(a => a.State == AlertState.Resolved);
            state.Alerts.RemoveAt(resolved >= 0 ? resolved : 0);
        }
    }
}
