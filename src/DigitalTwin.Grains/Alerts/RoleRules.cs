using System.Globalization;
using DigitalTwin.Abstractions.Health;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Alerts;

/// <summary>
/// What each kind of twin is for, as rules over its own readings: a CRAC cools (draws power, holds its setpoint,
/// carries heat when its return air is hot), a PDU or UPS passes power on from its input, a fan turns, a PSU gives
/// voltage. The thresholds are far from any healthy operating point on purpose: these rules catch an asset that has
/// stopped doing its job, with no learning and no warm-up; subtler drift is for the anomaly detectors and limits.
/// </summary>
public static class RoleRules
{
    /// <summary>A CRAC drawing less than this is off, whatever its rating.</summary>
    public const double CracOffPowerW = 20;

    /// <summary>Supply air this far above the setpoint: the CRAC is losing the room (Warning).</summary>
    public const double SetpointMissWarningC = 3;

    /// <summary>Supply air this far above the setpoint: the CRAC is not cooling (Critical).</summary>
    public const double SetpointMissCriticalC = 6;

    /// <summary>Return air this far above the setpoint while the CRAC carries little heat: the room's heat is not reaching the coil.</summary>
    public const double HotReturnC = 8;

    /// <summary>The share of its cooling capacity below which a CRAC with hot return air carries "little heat".</summary>
    public const double LowCoolingShare = 0.1;

    /// <summary>An input voltage below this is a lost input (a real one is 100 V or more).</summary>
    public const double LostInputV = 10;

    /// <summary>A UPS on battery below this charge will soon drop its load.</summary>
    public const double LowBatteryPct = 25;

    /// <summary>A fan slower than this has stopped.</summary>
    public const double StoppedFanRpm = 100;

    /// <summary>A PSU output below this is no output.</summary>
    public const double DeadOutputV = 1;

    private static readonly RoleRule[] Crac =
    [
        new(MetricNames.Power,
            (m, _) => Value(m, MetricNames.Power) is { } p && p < CracOffPowerW ? HealthStatus.Critical : HealthStatus.Ok,
            (m, _) => Say($"The CRAC draws {Value(m, MetricNames.Power):0.#} W: it is off and cools nothing.")),
        new(MetricNames.SupplyTemperature,
            (m, _) => SetpointMiss(m) switch
            {
                > SetpointMissCriticalC => HealthStatus.Critical,
                > SetpointMissWarningC => HealthStatus.Warning,
                _ => HealthStatus.Ok,
            },
            (m, _) => Say($"Supply air {Value(m, MetricNames.SupplyTemperature):0.#} °C against a setpoint of {Value(m, MetricNames.Setpoint):0.#} °C: the CRAC cannot hold its setpoint.")),
        new(MetricNames.CoolingLoad,
            (m, s) => CarriesLittleHeat(m, s) ? HealthStatus.Critical : HealthStatus.Ok,
            (m, s) => Say($"The CRAC carries {Value(m, MetricNames.CoolingLoad):0} W of its {Rated(s, RatedProperties.CoolingCapacity):0} W while its return air is {Value(m, MetricNames.ReturnTemperature):0.#} °C: the room's heat is not being removed.")),
    ];

    private static readonly RoleRule[] Pdu =
    [
        new(MetricNames.InputVoltage,
            (m, _) => Value(m, MetricNames.InputVoltage) is { } v && v < LostInputV ? HealthStatus.Critical : HealthStatus.Ok,
            (m, _) => Say($"Input voltage {Value(m, MetricNames.InputVoltage):0.#} V: the PDU has lost its input and the racks it feeds lose this path.")),
    ];

    private static readonly RoleRule[] Ups =
    [
        new(MetricNames.OnBattery,
            (m, _) => UpsOnBattery(m) ? (Value(m, MetricNames.BatteryCharge) is { } b && b < LowBatteryPct ? HealthStatus.Critical : HealthStatus.Warning) : HealthStatus.Ok,
            (m, _) => Say($"Input voltage {Value(m, MetricNames.InputVoltage) ?? 0:0.#} V, on battery {Value(m, MetricNames.OnBattery) ?? 0:0}, battery {Value(m, MetricNames.BatteryCharge) ?? 0:0} %: the UPS has lost its input and carries its load on battery.")),
    ];

    private static readonly RoleRule[] Fan =
    [
        new(MetricNames.FanSpeed,
            (m, _) => Value(m, MetricNames.FanSpeed) is { } rpm && rpm < StoppedFanRpm ? HealthStatus.Critical : HealthStatus.Ok,
            (m, _) => Say($"The fan turns at {Value(m, MetricNames.FanSpeed):0} rpm: it has stopped.")),
    ];

    private static readonly RoleRule[] Psu =
    [
        new(MetricNames.OutputVoltage,
            (m, _) => Value(m, MetricNames.OutputVoltage) is { } v && v < DeadOutputV ? HealthStatus.Critical : HealthStatus.Ok,
            (m, _) => Say($"Output voltage {Value(m, MetricNames.OutputVoltage):0.##} V: the PSU has failed; its server runs on its other supply or not at all.")),
    ];

    /// <summary>The rules of a kind; empty for kinds whose job their readings cannot show (servers, CPUs, racks).</summary>
    public static IReadOnlyList<RoleRule> For(TwinKind kind) => kind switch
    {
        TwinKind.Crac => Crac,
        TwinKind.Pdu => Pdu,
        TwinKind.Ups => Ups,
        TwinKind.Fan => Fan,
        TwinKind.Psu => Psu,
        _ => [],
    };

    private static double? SetpointMiss(IReadOnlyDictionary<string, MetricValue> m) =>
        Value(m, MetricNames.SupplyTemperature) is { } supply && Value(m, MetricNames.Setpoint) is { } setpoint ? supply - setpoint : null;

    private static bool CarriesLittleHeat(IReadOnlyDictionary<string, MetricValue> m, TwinSpec spec) =>
        Value(m, MetricNames.CoolingLoad) is { } load && Rated(spec, RatedProperties.CoolingCapacity) is { } capacity && capacity > 0
        && Value(m, MetricNames.ReturnTemperature) is { } back && Value(m, MetricNames.Setpoint) is { } setpoint
        && back - setpoint > HotReturnC && load < LowCoolingShare * capacity;

    private static bool UpsOnBattery(IReadOnlyDictionary<string, MetricValue> m) =>
        Value(m, MetricNames.OnBattery) is >= 0.5 || Value(m, MetricNames.InputVoltage) is < LostInputV;

    private static double? Value(IReadOnlyDictionary<string, MetricValue> m, string metric) =>
        m.TryGetValue(metric, out var v) && double.IsFinite(v.Value) ? v.Value : null;

    private static double? Rated(TwinSpec spec, string property) =>
        spec.Rated is not null && spec.Rated.TryGetValue(property, out var v) ? v : null;

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
