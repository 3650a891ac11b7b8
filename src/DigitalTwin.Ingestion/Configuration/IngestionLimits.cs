namespace DigitalTwin.Ingestion.Configuration;

/// <summary>The <c>DigitalTwin:Mqtt:Limits</c> section: bounds on what one message may carry.</summary>
public sealed class IngestionLimits
{
    /// <summary>The largest payload accepted, in bytes (also the broker's maximum packet size, plus headroom).</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>The most readings one message may carry, over all its twins.</summary>
    public int MaxReadingsPerMessage { get; set; } = 10_000;

    /// <summary>The most metrics one message may carry for one twin.</summary>
    public int MaxMetricsPerTwin { get; set; } = 512;

    /// <summary>The most twins one batch message may address.</summary>
    public int MaxTwinsPerMessage { get; set; } = 2_000;

    /// <summary>
    /// The most messages being applied at once (all connections, both brokers). A message that arrives when this
    /// many are in flight is shed: refused as <c>overloaded</c> (MQTT 5: PUBACK QuotaExceeded; MQTT 3.1.1 QoS 1: the
    /// connection is closed unacknowledged, so the client sends it again; QoS 0: dropped), counted, not dead-lettered.
    /// This bounds the memory that queued grain calls can take however many publishers connect.
    /// </summary>
    public int MaxInFlightMessages { get; set; } = 1024;

    /// <summary>The longest metric name accepted.</summary>
    public int MaxMetricNameLength { get; set; } = 64;

    /// <summary>How far in the future a timestamp may lie (device clocks drift).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a timestamp may be (devices that buffered while offline send late).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);
}
