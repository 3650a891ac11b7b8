namespace DigitalTwin.Abstractions.Identity;

/// <summary>The concrete kind of a twin. Topology files spell these in lower case (<c>crac</c>, <c>networkswitch</c>).</summary>
public enum TwinKind
{
    /// <summary>A whole data centre: the root of a live graph.</summary>
    DataCentre = 0,
    /// <summary>A room or hall inside a data centre.</summary>
    Room = 1,
    /// <summary>A rack with a position in its room and a power budget.</summary>
    Rack = 2,
    /// <summary>A server (an asset in a rack).</summary>
    Server = 10,
    /// <summary>A computer-room air conditioner (cooling unit) serving racks.</summary>
    Crac = 11,
    /// <summary>A power distribution unit feeding racks.</summary>
    Pdu = 12,
    /// <summary>An uninterruptible power supply feeding PDUs or racks.</summary>
    Ups = 13,
    /// <summary>A network switch.</summary>
    NetworkSwitch = 14,
    /// <summary>
    /// A service (an application or workload) that runs on servers; it sits in a data centre or a room and names its
    /// servers in <see cref="Twins.TwinSpec.RunsOn"/>. It takes no telemetry of its own.
    /// </summary>
    Service = 15,
    /// <summary>A processor inside an asset.</summary>
    Cpu = 20,
    /// <summary>Memory inside an asset.</summary>
    Memory = 21,
    /// <summary>A disk inside an asset.</summary>
    Disk = 22,
    /// <summary>A fan inside an asset.</summary>
    Fan = 23,
    /// <summary>A power supply unit inside an asset.</summary>
    Psu = 24,
}
