namespace DigitalTwin.Abstractions.Telemetry;

/// <summary>
/// The reasons telemetry is refused. They are counted per reason, carried on the dead-letter topic and, for MQTT 5
/// publishers, reflected in the PUBACK reason code. The strings are a stable interface.
/// </summary>
public static class RejectionReasons
{
    /// <summary>The payload is not valid JSON or not in the collectd format.</summary>
    public const string Malformed = "malformed";
    /// <summary>A field has the wrong type (a string where a number is expected, for example).</summary>
    public const string WrongType = "wrong_type";
    /// <summary>A value is NaN or infinite.</summary>
    public const string NotFinite = "not_finite";
    /// <summary>A timestamp lies too far in the future.</summary>
    public const string FutureTimestamp = "future_timestamp";
    /// <summary>A timestamp lies too far in the past.</summary>
    public const string StaleTimestamp = "stale_timestamp";
    /// <summary>No twin with that id exists.</summary>
    public const string UnknownTwin = "unknown_twin";
    /// <summary>The twin exists but does not take telemetry (a rack, room or data centre).</summary>
    public const string NotATelemetryTwin = "not_telemetry_twin";
    /// <summary>The payload is larger than the configured limit.</summary>
    public const string Oversized = "oversized";
    /// <summary>The message, or the twin, carries more metrics than allowed.</summary>
    public const string TooManyMetrics = "too_many_metrics";
    /// <summary>The topic does not match any documented pattern, or contains forbidden characters.</summary>
    public const string BadTopic = "bad_topic";
    /// <summary>A metric name is empty, too long or uses forbidden characters.</summary>
    public const string BadMetricName = "bad_metric";
    /// <summary>The publisher is not allowed to publish for that twin.</summary>
    public const string NotAuthorized = "not_authorized";
    /// <summary>The silo is at its bound of messages in flight: shed, not applied; publish again later.</summary>
    public const string Overloaded = "overloaded";
}
