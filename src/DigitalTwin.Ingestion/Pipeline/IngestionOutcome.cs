using DigitalTwin.Ingestion.Parsing;

namespace DigitalTwin.Ingestion.Pipeline;

/// <summary>What happened to one published message.</summary>
public enum IngestionStatus
{
    /// <summary>Every twin in the message applied its readings (some readings may have been refused by a twin: see the rejection).</summary>
    Applied,
    /// <summary>Not telemetry and nothing to apply (the benchmark's baseline topic, the silo's own publishes); routed as usual.</summary>
    Passed,
    /// <summary>Refused for good; retrying the same message will not help.</summary>
    Rejected,
    /// <summary>Could not be applied now (a twin call failed); it must not be acknowledged so that it is delivered again.</summary>
    Failed,
    /// <summary>Shed unread because the silo is at its bound of messages in flight; must not be acknowledged as applied.</summary>
    Shed,
}

/// <summary>
/// The outcome of one message: status, the reason when refused (or partly refused), readings applied and, when
/// applied, the publish → applied latency.
/// </summary>
public readonly record struct IngestionOutcome(IngestionStatus Status, TelemetryRejection? Rejection = null, int AppliedPoints = 0, double LatencyMs = 0)
{
    /// <summary>A passed-through message.</summary>
    public static IngestionOutcome Passed { get; } = new(IngestionStatus.Passed);
}
