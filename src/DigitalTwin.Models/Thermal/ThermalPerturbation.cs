namespace DigitalTwin.Models.Thermal;

/// <summary>
/// A change to a room at a moment of a simulation, seconds after its start. Combine any number of them in one run.
/// </summary>
/// <param name="AtS">When it happens, seconds from the start of the simulation (0 = from the start).</param>
public abstract record ThermalPerturbation(double AtS);
