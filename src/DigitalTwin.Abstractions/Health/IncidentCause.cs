using System.Text.Json.Serialization;

namespace DigitalTwin.Abstractions.Health;

/// <summary>The probable cause an incident names. Written in JSON as the lower-case names.</summary>
public enum IncidentCause
{
    /// <summary>Nothing in the topology explains the alerts; they are grouped by the asset that raised them.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown = 0,

    /// <summary>A cooling unit (named) fails or cannot carry its heat: inlets rise on the racks it cools.</summary>
    [JsonStringEnumMemberName("cooling")] Cooling = 1,

    /// <summary>A power source (PDU or UPS, named) lost its input: alarms on it and on what it feeds.</summary>
    [JsonStringEnumMemberName("power")] Power = 2,

    /// <summary>Blocked or recirculating airflow at one server or rack (named): only its own inlet rose, its power did not.</summary>
    [JsonStringEnumMemberName("airflow")] Airflow = 3,

    /// <summary>A workload surge on a server or rack (named): power and utilisation rose together with the heat.</summary>
    [JsonStringEnumMemberName("workload")] Workload = 4,

    /// <summary>A part (named: fan, PSU, disk, …) failing or wearing, and whatever its asset shows because of it.</summary>
    [JsonStringEnumMemberName("hardware")] Hardware = 5,

    /// <summary>A sensor (named twin) reads wrong, stuck or drifting: its alerts are about the measurement, not the equipment.</summary>
    [JsonStringEnumMemberName("sensor")] Sensor = 6,
}
