using DigitalTwin.Abstractions.Twins;

namespace DigitalTwin.Grains.Cooling;

/// <summary>
/// A CRAC's ratings as the cooling loop reads them from its rated properties, with the defaults it assumes for a
/// unit whose topology leaves a range out (a common CRAC's span; the device still refuses what it cannot do).
/// </summary>
public static class CoolingRatings
{
    /// <summary>Setpoint floor assumed when <c>setpoint_min_c</c> is not rated, °C.</summary>
    public const double DefaultSetpointMinC = 14;

    /// <summary>Setpoint ceiling assumed when <c>setpoint_max_c</c> is not rated, °C.</summary>
    public const double DefaultSetpointMaxC = 27;

    /// <summary>Lowest fan speed assumed when <c>fan_min_pct</c> is not rated, %.</summary>
    public const double DefaultFanMinPct = 30;

    /// <summary>The setpoint range of a CRAC.</summary>
    public static (double Min, double Max) SetpointRange(IReadOnlyDictionary<string, double>? rated) =>
        (Rated(rated, RatedProperties.SetpointMin, DefaultSetpointMinC), Rated(rated, RatedProperties.SetpointMax, DefaultSetpointMaxC));

    /// <summary>The fan-speed range of a CRAC, %.</summary>
    public static (double Min, double Max) FanRange(IReadOnlyDictionary<string, double>? rated) =>
        (Rated(rated, RatedProperties.FanMinPercent, DefaultFanMinPct), 100);

    /// <summary>A rated property, or <paramref name="fallback"/> when absent or not finite.</summary>
    public static double Rated(IReadOnlyDictionary<string, double>? rated, string name, double fallback) =>
        rated is not null && rated.TryGetValue(name, out var v) && double.IsFinite(v) ? v : fallback;

    /// <summary>A room's floor as its survey rates it (<c>air_reach_m</c>, <c>plenum_share</c>), or null.</summary>
    public static DigitalTwin.Models.Thermal.FloorReach? SurveyedReach(IReadOnlyDictionary<string, double>? rated) =>
        DigitalTwin.Models.Thermal.FloorReach.Surveyed(Optional(rated, RatedProperties.AirReach), Optional(rated, RatedProperties.PlenumShare));

    private static double? Optional(IReadOnlyDictionary<string, double>? rated, string name) =>
        rated is not null && rated.TryGetValue(name, out var v) ? v : null;

    /// <summary>Why a setting lies outside a CRAC's rated ranges, or null when it does not.</summary>
    public static string? OutOfRange(TwinSpec crac, double setpointC, double fanPct)
    {
        var (min, max) = SetpointRange(crac.Rated);
        if (setpointC < min - 1e-9 || setpointC > max + 1e-9)
        {
            return FormattableString.Invariant($"setpoint {setpointC:0.##} °C for {crac.Id} lies outside its rated range {min:0.##}–{max:0.##} °C");
        }
        var (fanMin, fanMax) = FanRange(crac.Rated);
        if (fanPct < fanMin - 1e-9 || fanPct > fanMax + 1e-9)
        {
            return FormattableString.Invariant($"fan speed {fanPct:0.#} % for {crac.Id} lies outside its rated range {fanMin:0.#}–{fanMax:0.#} %");
        }
        return null;
    }
}
