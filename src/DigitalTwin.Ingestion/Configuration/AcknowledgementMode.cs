namespace DigitalTwin.Ingestion.Configuration;

/// <summary>
/// When a QoS 1 telemetry message is acknowledged (<c>DigitalTwin:Mqtt:AckMode</c>), to the publisher of the embedded
/// broker or to the external broker.
/// </summary>
public enum AcknowledgementMode
{
    /// <summary>
    /// Once every reading is applied to its twin's memory. A crash of the twin's silo loses what was applied since
    /// the twin's last checkpoint (at most <c>DigitalTwin:Twins:CheckpointInterval</c>).
    /// </summary>
    Applied,

    /// <summary>
    /// Once every reading is applied and the twin's state holding it has been written to the store. A message that
    /// is not acknowledged stays with the broker (the external broker keeps it in the silo's session and delivers it
    /// again), so a crash loses no acknowledged reading; each message costs its twins a storage write, shared by the
    /// messages that arrive for a twin while one is under way.
    /// </summary>
    Durable,
}
