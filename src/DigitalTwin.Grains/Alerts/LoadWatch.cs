using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Grains.Twins;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// Keeps a server's <see cref="AlertKind.Load"/> alert: raised while its utilisation and power rise together well
/// above the last hour's (<see cref="LoadSurgeDetector"/>), resolved when they are back. The incident pass groups such
/// alerts per rack as a workload surge. Only servers that report both metrics pay for it.
/// </summary>
public sealed class LoadWatch(AlertBook book)
{
    private readonly LoadSurgeDetector _surge = new();
    private DateTimeOffset? _judged;

    /// <summary>Judges the latest utilisation and power of a server after a batch; returns whether alerts changed.</summary>
    public bool Judge(TwinState state, TwinSpec spec)
    {
        if (spec.Kind != TwinKind.Server
            || !state.Latest.TryGetValue(MetricNames.Utilisation, out var utilisation)
            || !state.Latest.TryGetValue(MetricNames.Power, out var power)) return false;
        // One sample per new utilisation reading: power alone changing is not a new sample of the work.
        if (_judged is { } judged && utilisation.Timestamp <= judged) return false;
        _judged = utilisation.Timestamp;
        if (!_surge.Observe(utilisation.Timestamp, utilisation.Value, power.Value)) return false;
        if (!_surge.IsSurging) return book.Resolve(state, AlertKind.Load, MetricNames.Utilisation, utilisation.Timestamp);
        if (book.FindOpen(state, AlertKind.Load, MetricNames.Utilisation) is not null) return false;
        book.Raise(new TwinAlert(Guid.NewGuid().ToString("N"), spec.Id, spec.Kind, MetricNames.Utilisation, utilisation.Value, _surge.UtilisationBaseline, 1,
            utilisation.Timestamp, utilisation.Timestamp, AlertState.Raised, HealthStatus.Warning,
            string.Create(CultureInfo.InvariantCulture,
                $"Utilisation rose to {utilisation.Value:0} % from about {_surge.UtilisationBaseline:0} % over the last hour, and power with it to {power.Value:0} W from about {_surge.PowerBaseline:0} W: more work reached this server (a workload surge), and its heat follows."),
            AlertKind: AlertKind.Load));
        return true;
    }
}
