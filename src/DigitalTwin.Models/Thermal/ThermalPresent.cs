namespace DigitalTwin.Models.Thermal;

/// <summary>
/// The room as its sensors read it at the moment a simulation starts, where that differs from the steady state the
/// parameters describe: a unit's supply swings about its setpoint as its controller hunts, and the racks follow it.
/// A simulation given the present starts from it: each unit's swing (<see cref="ThermalParameters.Hunts"/>) goes on
/// from where it is now, and what the swing does not explain of its latest reading dies away within
/// <see cref="ThermalDefaults.PresentDeviationS"/>, so the first minutes of a transient begin where the room is.
/// </summary>
/// <param name="At">The present instant (the hunts' phases are taken at it).</param>
/// <param name="CracSupplyC">Per CRAC id, its latest supply temperature, °C; a unit missing here starts on its swing.</param>
public sealed record ThermalPresent(DateTimeOffset At, IReadOnlyDictionary<string, double> CracSupplyC);
