namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The thermal parameters of one rack.
/// </summary>
/// <param name="Recirculation">Share of the rack's intake that is room (exhaust) air even when enough cold air reaches it, 0–1.</param>
/// <param name="InletOffsetK">What the rack's reported inlet (the hottest server's) reads above the mixed air model, K.</param>
/// <param name="ExhaustRiseK">Air temperature rise across its servers at their present power, K; sets the airflow
/// the rack draws: airflow = power / (ρ·cp·rise).</param>
/// <param name="HeatCapacityJPerK">Heat capacity of its equipment that follows its exhaust temperature, J/K.</param>
/// <param name="HottestShareFactor">How many times the rack's mean share of warm intake air its hottest server breathes
/// (exhaust coming back rises, so the top of a rack breathes more of it), ≥ 1.</param>
public sealed record RackThermalParameters(
    double Recirculation,
    double InletOffsetK,
    double ExhaustRiseK,
    double HeatCapacityJPerK,
    double HottestShareFactor = ThermalDefaults.HottestShareFactor);
