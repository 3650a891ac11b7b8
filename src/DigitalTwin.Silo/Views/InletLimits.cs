using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Silo.Views;

/// <summary>
/// The inlet temperatures a rack is judged by: the lowest <c>warnAbove</c> and <c>criticalAbove</c> on
/// <c>inlet_temp_c</c> of the rack or its servers (as the scenario engine takes its limit), else ASHRAE A1's
/// recommended 27 °C and allowable 32 °C, so the heat map's amber and red mean what the twin's alerts mean.
/// </summary>
public sealed record InletLimits(double WarnC, double CriticalC, bool FromTopology)
{
    /// <summary>ASHRAE A1 recommended upper inlet, °C.</summary>
    public const double DefaultWarnC = 27;

    /// <summary>ASHRAE A1 allowable upper inlet, °C.</summary>
    public const double DefaultCriticalC = 32;

    /// <summary>The limits from the specs of a rack and the assets in it.</summary>
    public static InletLimits Of(IEnumerable<TwinSpec> specs)
    {
        double? warn = null, critical = null;
        foreach (var spec in specs)
        {
            if (spec.Limits?.GetValueOrDefault(MetricNames.InletTemperature) is not { } limit) continue;
            if (limit.WarnAbove is { } w) warn = Math.Min(warn ?? w, w);
            if (limit.CriticalAbove is { } c) critical = Math.Min(critical ?? c, c);
        }
        return new InletLimits(warn ?? Math.Min(DefaultWarnC, critical ?? DefaultWarnC), critical ?? DefaultCriticalC, warn is not null || critical is not null);
    }
}
