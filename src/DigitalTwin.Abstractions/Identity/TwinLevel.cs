namespace DigitalTwin.Abstractions.Identity;

/// <summary>The level of a twin in the containment hierarchy, top to bottom.</summary>
public enum TwinLevel
{
    /// <summary>The data centre.</summary>
    DataCentre = 0,
    /// <summary>A room.</summary>
    Room = 1,
    /// <summary>A rack.</summary>
    Rack = 2,
    /// <summary>An asset: server, CRAC, PDU, UPS, switch.</summary>
    Asset = 3,
    /// <summary>A component of an asset: CPU, memory, disk, fan, PSU.</summary>
    Component = 4,
}
