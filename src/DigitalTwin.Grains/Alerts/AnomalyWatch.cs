using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Runs a streaming anomaly detector per metric (bounded in number, kept in memory) and keeps the lifecycle of the
/// metric's <see cref="AlertKind.Anomaly"/> alert: an anomaly raises it, further anomalies update it, and a run of
/// normal readings resolves it.
/// </summary>
public sealed class AnomalyWatch(TwinOptions options, AlertBook book)
{
    private readonly Dictionary<string, IStreamingAnomalyDetector> _detectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calm = new(StringComparer.Ordinal);

    /// <summary>Scores a reading (in time order) and advances the anomaly alert of its metric; returns whether alerts changed.</summary>
    public bool Observe(TwinState state, string twinId, TwinKind kind, Reading reading)
    {
        if (!_detectors.TryGetValue(reading.Metric, out var detector))
        {
            if (_detectors.Count >= options.MaxDetectorsPerTwin) return false;
            _detectors[reading.Metric] = detector = AnomalyDetectors.Create(new SequenceNoveltyOptions { AlarmThreshold = options.AlertThreshold });
        }
        var verdict = detector.Observe(reading.Timestamp, reading.Value);
        var open = book.FindOpen(state, AlertKind.Anomaly, reading.Metric);
        if (verdict.IsAnomaly && !HarmlessMoves.IsHarmless(kind, reading.Metric, reading.Value, verdict.Baseline))
        {
            _calm[reading.Metric] = 0;
            if (open is not null)
            {
                book.Update(state, AlertKind.Anomaly, reading.Metric, held => held with
                {
                    Value = reading.Value,
                    LastSeen = reading.Timestamp,
                    Score = Math.Max(held.Score, verdict.Score),
                });
                return false;
            }
            book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), twinId, kind, reading.Metric, reading.Value,
                verdict.Baseline, verdict.Score, reading.Timestamp, reading.Timestamp, AlertState.Raised,
                HealthStatus.Warning, "", AlertKind: AlertKind.Anomaly));
            return true;
        }
        if (open is null) return false;
        var calm = _calm[reading.Metric] = _calm.GetValueOrDefault(reading.Metric) + 1;
        if (calm < options.AlertClearReadings) return false;
        return book.Resolve(state, AlertKind.Anomaly, reading.Metric, reading.Timestamp);
    }
}
