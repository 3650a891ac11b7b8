using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Ingestion.Configuration;

namespace DigitalTwin.Ingestion.Parsing;

/// <summary>
/// Collects a message's readings per twin while enforcing the per-message limits, so that a twin named several
/// times in one message still gets one grain call.
/// </summary>
internal sealed class TelemetryMessageBuilder(IngestionLimits limits)
{
    private readonly List<TelemetryBatch> _batches = [];
    private readonly Dictionary<string, List<Reading>> _byTwin = new(StringComparer.Ordinal);
    private string? _lastTwin;
    private List<Reading>? _lastReadings;
    private int _points;
    private DateTimeOffset _earliest = DateTimeOffset.MaxValue;

    public TelemetryRejection? Add(string twinId, string metric, double value, DateTimeOffset timestamp)
    {
        if (!ReferenceEquals(twinId, _lastTwin))
        {
            if (!_byTwin.TryGetValue(twinId, out _lastReadings))
            {
                if (_byTwin.Count >= limits.MaxTwinsPerMessage)
                {
                    return new(RejectionReasons.TooManyMetrics, $"the message addresses more than {limits.MaxTwinsPerMessage} twins");
                }
                _lastReadings = [];
                _byTwin.Add(twinId, _lastReadings);
                _batches.Add(new TelemetryBatch(twinId, _lastReadings));
            }
            _lastTwin = twinId;
        }
        if (_points >= limits.MaxReadingsPerMessage)
        {
            return new(RejectionReasons.TooManyMetrics, $"the message carries more than {limits.MaxReadingsPerMessage} readings");
        }
        if (_lastReadings!.Count >= limits.MaxMetricsPerTwin)
        {
            return new(RejectionReasons.TooManyMetrics, $"the message carries more than {limits.MaxMetricsPerTwin} readings for twin '{twinId}'");
        }
        _lastReadings.Add(new Reading(metric, value, timestamp));
        _points++;
        if (timestamp < _earliest) _earliest = timestamp;
        return null;
    }

    public ParseResult Build() => _points == 0
        ? ParseResult.Refused(RejectionReasons.Malformed, "the message carries no readings")
        : ParseResult.Accepted(new TelemetryMessage(_batches, _points, _earliest));
}
