namespace DigitalTwin.Abstractions.Changes;

/// <summary>What a <see cref="TwinChange"/> reports. The wire name (<see cref="TwinChangeStreams.KindKey"/>) is the lower-case name.</summary>
public enum TwinChangeKind
{
    /// <summary>The twin's latest values or rollup moved; published on the rollup cadence, only when something changed.</summary>
    Rollup = 0,
    /// <summary>The twin's health status changed (<see cref="TwinChange.Health"/> is the new status).</summary>
    Health = 1,
    /// <summary>One of the twin's alerts was raised, acknowledged, escalated or resolved (<see cref="TwinChange.Alert"/>).</summary>
    Alert = 2,
    /// <summary>An incident (alerts grouped by their probable cause) opened, changed or closed; <see cref="TwinChange.Detail"/> describes it.</summary>
    Incident = 3,
    /// <summary>A command to the twin's device was sent, acknowledged or refused (<see cref="TwinChange.Command"/>).</summary>
    Command = 4,
    /// <summary>A what-if scenario made progress or finished; <see cref="TwinChange.Detail"/> describes it.</summary>
    Scenario = 5,
}
