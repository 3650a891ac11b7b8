namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>What a published topic is, by the documented topic scheme.</summary>
public enum TopicKind
{
    /// <summary>Not a documented topic.</summary>
    Invalid = 0,
    /// <summary><c>dt/telemetry/&lt;twinId&gt;</c>: readings for one twin.</summary>
    TwinTelemetry,
    /// <summary><c>dt/telemetry</c>: readings for many twins.</summary>
    BatchTelemetry,
    /// <summary><c>collectd/&lt;host&gt;/&lt;plugin&gt;/&lt;type&gt;</c>: collectd's MQTT plugin.</summary>
    Collectd,
    /// <summary><c>dt/commands/&lt;twinId&gt;/ack</c>: a device's answer to a command.</summary>
    CommandAck,
    /// <summary><c>dt/commands/&lt;twinId&gt;</c>: a command to a device (published by the silo only).</summary>
    Command,
    /// <summary><c>dt/deadletter/&lt;reason&gt;</c>: a refused message (published by the silo only).</summary>
    DeadLetter,
    /// <summary><c>dt/bench/raw</c>: accepted and routed by the broker without twin processing (the benchmark's baseline).</summary>
    BenchRaw,
    /// <summary>
    /// <c>sim/&lt;anything&gt;</c>: a control message for a data-centre simulator (fault injection on <c>sim/faults</c>),
    /// routed by the broker to its subscribers without twin processing when
    /// <c>DigitalTwin:Mqtt:ForwardSimulationTopics</c> is on (the demo and the evaluations), refused otherwise.
    /// </summary>
    Simulation,
}
