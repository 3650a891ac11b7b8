using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.SensorFaults;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Keeps one <see cref="AlertKind.Sensor"/> alert per metric whose sensor reads wrong: stuck (every metric, from its
/// own readings, <see cref="StuckReadingDetector"/>) or drifting (a server's inlet against its rack's other servers,
/// <see cref="PeerDriftDetector"/>), and one <see cref="AlertKind.Peer"/> alert while a server's inlet air is warmer
/// than its rack peers' and its outlet follows (a real rise at it alone). Bounded: as many stuck detectors as the twin has anomaly detectors.
/// </summary>
public sealed class SensorWatch(TwinOptions options, AlertBook book)
{
    private readonly Dictionary<string, StuckReadingDetector> _stuck = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _runStart = new(StringComparer.Ordinal);
    private readonly PeerDriftDetector _drift = new(options.SensorDriftHalfLife, TimeSpan.FromDays(1));
    private DateTimeOffset? _lastPeerSample;
    private double _inletAtLastSample;
    private int _peerlessSamples;

    /// <summary>
    /// Comparisons that found no peers' medians (the rack has not heard three other servers yet, as at start-up) and
    /// are tried again on the next reading rather than a sampling interval later; beyond them, a rack with too few
    /// servers is asked only on the usual cadence.
    /// </summary>
    private const int PeerlessRetries = 3;

    /// <summary>Reads one reading (in time order); returns whether alerts changed.</summary>
    public bool Observe(TwinState state, string twinId, TwinKind kind, Reading reading)
    {
        if (!_stuck.TryGetValue(reading.Metric, out var detector))
        {
            if (_stuck.Count >= options.MaxDetectorsPerTwin) return false;
            _stuck[reading.Metric] = detector = new StuckReadingDetector();
        }
        var was = detector.IsStuck;
        var stuck = detector.Observe(reading.Value);
        if (detector.Run == 1) _runStart[reading.Metric] = reading.Timestamp;
        if (stuck == was) return false;
        if (!stuck) return book.Resolve(state, AlertKind.Sensor, reading.Metric, reading.Timestamp);
        if (book.FindOpen(state, AlertKind.Sensor, reading.Metric) is not null) return false;
        var since = _runStart.GetValueOrDefault(reading.Metric, reading.Timestamp);
        book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), twinId, kind, reading.Metric, reading.Value, reading.Value, 1,
            reading.Timestamp, reading.Timestamp, AlertState.Raised, HealthStatus.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"{reading.Metric} has read exactly {reading.Value:0.###} for {detector.Run} readings since {since:HH:mm:ss} UTC, though it changed at {detector.ChangeRate:P0} of readings before: the sensor is likely stuck and its readings cannot be trusted."),
            AlertKind: AlertKind.Sensor));
        return true;
    }

    /// <summary>
    /// Whether a peer sample is due at <paramref name="at"/>: a server's inlet and outlet are compared with its rack every
    /// few minutes, and at once when its inlet has moved by a warming's worth since the last comparison, or while a
    /// verdict on warmer air waits for its confirmation, so a hot spot minutes long is caught (and cleared) within two
    /// readings. A grain call per server every few minutes, and only on such moves in between.
    /// </summary>
    public bool PeerSampleDue(TwinSpec spec, TwinState state, DateTimeOffset at) =>
        spec.Kind == TwinKind.Server && state.Latest.TryGetValue(MetricNames.InletTemperature, out var inlet) && state.Latest.ContainsKey(MetricNames.OutletTemperature)
        && (_lastPeerSample is not { } last || at - last >= options.SensorPeerInterval || _drift.IsWarmingPending
            || Math.Abs(inlet.Value - _inletAtLastSample) >= PeerDriftDetector.MinimumWarming);

    /// <summary>
    /// Compares the twin's inlet and outlet with its rack peers' medians (<paramref name="peers"/>, by metric);
    /// returns whether alerts changed.
    /// </summary>
    public bool ObservePeers(TwinState state, TwinSpec spec, string rackId, IReadOnlyDictionary<string, double> peers, DateTimeOffset at)
    {
        if (!peers.TryGetValue(MetricNames.InletTemperature, out var peerInlet) || !peers.TryGetValue(MetricNames.OutletTemperature, out var peerOutlet))
        {
            // A comparison that could not be made must not cost the detector a sampling interval of learning: the demo's
            // hot spot, 15 minutes in, came on the third learned sample instead of the fourth when the first found no peers.
            if (++_peerlessSamples > PeerlessRetries)
            {
                _lastPeerSample = at;
                _inletAtLastSample = state.Latest[MetricNames.InletTemperature].Value;
            }
            return false;
        }
        _lastPeerSample = at;
        _inletAtLastSample = state.Latest[MetricNames.InletTemperature].Value;
        var inlet = state.Latest[MetricNames.InletTemperature].Value;
        var driftChanged = _drift.Observe(at, inlet, peerInlet, state.Latest[MetricNames.OutletTemperature].Value, peerOutlet);
        var warmingChanged = _drift.WarmingChanged && JudgeWarming(state, spec, rackId, inlet, at);
        if (!driftChanged) return warmingChanged;
        // A stuck inlet has its own alert; drift is the other way a sensor goes wrong.
        if (!_drift.IsDrifting) return book.Resolve(state, AlertKind.Sensor, MetricNames.InletTemperature, at) | warmingChanged;
        if (book.FindOpen(state, AlertKind.Sensor, MetricNames.InletTemperature) is not null) return warmingChanged;
        book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), spec.Id, spec.Kind, MetricNames.InletTemperature, inlet, inlet - _drift.Shift, 1,
            at, at, AlertState.Raised, HealthStatus.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"{MetricNames.InletTemperature} has moved {_drift.Shift:+0.0;-0.0} °C away from the other servers of rack {rackId} while the outlet moved {_drift.OutletShift:+0.0;-0.0} °C: the air did not change, the inlet sensor is likely drifting."),
            AlertKind: AlertKind.Sensor));
        return true;
    }

    // Air warmer at this server than at its rack peers, the outlet following: a real rise (a blocked or recirculating air
    // path here), which a limit may not catch on a cool night; the incident pass names it airflow.
    private bool JudgeWarming(TwinState state, TwinSpec spec, string rackId, double inlet, DateTimeOffset at)
    {
        if (!_drift.IsWarmerThanPeers) return book.Resolve(state, AlertKind.Peer, MetricNames.InletTemperature, at);
        if (book.FindOpen(state, AlertKind.Peer, MetricNames.InletTemperature) is not null) return false;
        book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), spec.Id, spec.Kind, MetricNames.InletTemperature, inlet, inlet - _drift.Shift, 1,
            at, at, AlertState.Raised, HealthStatus.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"{MetricNames.InletTemperature} rose {_drift.Shift:+0.0} °C above the other servers of rack {rackId} and the outlet {_drift.OutletShift:+0.0} °C with it: hotter air reaches this server alone (a blocked or recirculating air path)."),
            AlertKind: AlertKind.Peer));
        return true;
    }
}
