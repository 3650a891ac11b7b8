namespace DigitalTwin.Models.Thermal;

/// <summary>
/// Everything the room thermal model needs beyond the room's description, and where each value came from.
/// Build it with <see cref="ThermalDefaults.For"/> (topology defaults) or <see cref="ThermalCalibrator.Calibrate"/>
/// (fitted where the history allows, defaults elsewhere).
/// </summary>
/// <param name="Racks">Per rack id.</param>
/// <param name="Cracs">Per CRAC id.</param>
/// <param name="Affinity">Per rack id, per CRAC id: how readily that CRAC's air reaches that rack (≥ 0, relative).
/// A CRAC's air is shared among racks in proportion to affinity × the rack's airflow; a rack missing here gets
/// the geometric default.</param>
/// <param name="RoomHeatCapacityJPerK">Effective heat capacity of the room's air and the structure that takes part
/// in a transient, J/K (the hot-air node).</param>
/// <param name="BypassFraction">Share of every CRAC's air that returns without reaching a rack intake, 0–1.</param>
/// <param name="Sources">Which parameters were calibrated and which defaulted, with the basis of each.</param>
public sealed record ThermalParameters(
    IReadOnlyDictionary<string, RackThermalParameters> Racks,
    IReadOnlyDictionary<string, CracThermalParameters> Cracs,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Affinity,
    double RoomHeatCapacityJPerK,
    double BypassFraction,
    IReadOnlyList<ParameterSource> Sources)
{
    /// <summary>How the floor spreads each unit's air (<see cref="FloorReach"/>), or null when not known: then each
    /// rack's supply is led by its draw alone and only the affinities' proportions move it.</summary>
    public FloorReach? Reach { get; init; }

    /// <summary>Per rack id, the intake air at which its draw was calibrated (<see cref="RackFanBase"/>), or null when
    /// not known. With it a steady state anywhere else has the servers' fans where those inlets put them (a room run
    /// warmer draws more air than the history showed); without it every steady state keeps the history's draw.</summary>
    public IReadOnlyDictionary<string, RackFanBase>? FanBase { get; init; }

    /// <summary>Per CRAC id, the steady swing its supply showed (<see cref="CracHunt"/>); a unit missing here holds its
    /// setpoint. Only a simulation given the present (<see cref="ThermalPresent"/>) carries the swings on.</summary>
    public IReadOnlyDictionary<string, CracHunt>? Hunts { get; init; }

    /// <summary>True when at least one parameter was fitted to telemetry.</summary>
    public bool AnyCalibrated => Sources.Any(s => s.Calibrated);
}
