namespace DigitalTwin.Models.Thermal;

/// <summary>A rack is added to the room; its parameters default from the topology unless given.</summary>
public sealed record RackAddition(double AtS, ThermalRack Rack, RackThermalParameters? Parameters = null) : ThermalPerturbation(AtS);
