using System.Text.Json.Serialization;

namespace DigitalTwin.Abstractions.Health;

/// <summary>
/// What raised an alert. Written in JSON as the lower-case names (<c>anomaly</c>, <c>limit</c>, <c>role</c>, <c>sensor</c>, <c>load</c>, <c>peer</c>), which
/// are part of the HTTP contract. Persisted alerts written before kinds existed read as <see cref="Anomaly"/>: those
/// were the only alerts then.
/// </summary>
public enum AlertKind
{
    /// <summary>The metric's anomaly detector found a pattern it had not seen.</summary>
    [JsonStringEnumMemberName("anomaly")] Anomaly = 0,

    /// <summary>A reading crossed one of the metric's limits (<c>warnAbove</c>, <c>criticalAbove</c>, <c>warnBelow</c>, <c>criticalBelow</c>).</summary>
    [JsonStringEnumMemberName("limit")] Limit = 1,

    /// <summary>The asset stopped doing its job, judged from its own readings against its role (a CRAC that does not cool, a PDU without input).</summary>
    [JsonStringEnumMemberName("role")] Role = 2,

    /// <summary>The sensor itself reads wrong: it stopped varying (stuck) or drifted away from its physical peers.</summary>
    [JsonStringEnumMemberName("sensor")] Sensor = 3,

    /// <summary>The asset's work rose sharply above its usual level: utilisation and power together (a workload surge).</summary>
    [JsonStringEnumMemberName("load")] Load = 4,

    /// <summary>The twin departed from its physical peers (a server's inlet air warmer than its rack's, the outlet following).</summary>
    [JsonStringEnumMemberName("peer")] Peer = 5,
}
